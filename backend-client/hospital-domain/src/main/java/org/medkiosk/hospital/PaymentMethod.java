package org.medkiosk.hospital;

/** How a bill is paid at the kiosk. */
public enum PaymentMethod {
    WECHAT_PAY, ALIPAY, UNIONPAY, PREPAID_ACCOUNT, MEDICAL_INSURANCE
}
