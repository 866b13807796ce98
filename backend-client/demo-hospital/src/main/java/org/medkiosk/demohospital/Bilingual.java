package org.medkiosk.demohospital;

import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.StringType;

/**
 * Chinese text with its English translation the standard FHIR way: the string holds Chinese and carries the
 * core {@code translation} extension (lang=en). A client that ignores extensions still gets the Chinese.
 */
final class Bilingual {
    static final String TRANSLATION = "http://hl7.org/fhir/StructureDefinition/translation";

    private Bilingual() {
    }

    static StringType text(String zh, String en) {
        StringType s = new StringType(zh);
        translate(s, en);
        return s;
    }

    static <T extends StringType> T translate(T s, String en) {
        if (en != null && !en.equals(s.getValue())) {
            Extension ext = new Extension(TRANSLATION);
            ext.addExtension("lang", new org.hl7.fhir.r4.model.CodeType("en"));
            ext.addExtension("content", new StringType(en));
            s.addExtension(ext);
        }
        return s;
    }
}
