package org.medkiosk.hospital;

/** What a listed price is for: the headings of the hospital's price list (物价公示). */
public enum PriceCategory {
    /** 检查: imaging, endoscopy, ECG… */
    EXAMINATION,
    /** 检验: blood, urine and other laboratory tests. */
    LAB_TEST,
    /** 药品 */
    MEDICINE,
    /** 挂号、诊查、治疗等服务 */
    SERVICE
}
