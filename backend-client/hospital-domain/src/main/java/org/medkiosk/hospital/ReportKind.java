package org.medkiosk.hospital;

/** Lab (检验) or imaging (检查/影像) report. */
public enum ReportKind {
    LAB, IMAGING
}
