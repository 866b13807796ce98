package org.medkiosk.journey.guide;

/**
 * The guide's first question, "how old is the patient?": an infant's fever is a red flag of its own, and children go
 * to paediatrics for what adults take to internal medicine. The boundaries are those of Chinese outpatient practice
 * (儿科 sees children under 14).
 */
public enum AgeGroup {
    /** Under 1 year. */
    INFANT,
    /** 1 to 13 years. */
    CHILD,
    /** 14 years and over. */
    ADULT
}
