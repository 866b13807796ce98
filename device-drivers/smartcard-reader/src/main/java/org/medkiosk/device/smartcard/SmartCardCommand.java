package org.medkiosk.device.smartcard;

import org.medkiosk.device.link.JsonString;
import java.io.PrintStream;
import java.util.List;

/**
 * {@code kiosk devices smartcard [--reader NAME] [--unmasked]}: lists PC/SC readers (one JSON line each) and reads the
 * inserted card (one JSON line). Exit 0 ok, 1 failure (no service, no reader, no card, unreadable card), 2 usage.
 */
public final class SmartCardCommand {

    static final String USAGE = "usage: kiosk devices smartcard [--reader NAME] [--unmasked]";

    private SmartCardCommand() {
    }

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        return run(args, out, err, new PcscTerminalSource());
    }

    static int run(List<String> args, PrintStream out, PrintStream err, CardTerminalSource source) {
        String readerName = null;
        boolean unmasked = false;
        for (int i = 0; i < args.size(); i++) {
            switch (args.get(i)) {
                case "--reader" -> {
                    if (i + 1 >= args.size()) {
                        err.println("error: --reader needs a value");
                        err.println(USAGE);
                        return 2;
                    }
                    readerName = args.get(++i);
                }
                case "--unmasked" -> unmasked = true;
                case "--help", "-h" -> {
                    out.println(USAGE);
                    return 0;
                }
                default -> {
                    err.println("error: unknown option " + args.get(i));
                    err.println(USAGE);
                    return 2;
                }
            }
        }
        try {
            List<String> readers = SmartCardReader.readerNames(source);
            if (readers.isEmpty()) {
                err.println("error: no smart-card reader connected");
                return 1;
            }
            for (String r : readers) {
                out.println("{\"reader\":" + JsonString.quote(r) + "}");
            }
            SmartCardIdentity id = SmartCardReader.readOnce(source, new SmartCardProfiles(), readerName);
            out.println(toJson(id, unmasked));
            return 0;
        } catch (SmartCardException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
    }

    static String toJson(SmartCardIdentity id, boolean unmasked) {
        if (id instanceof SmartCardIdentity.ContactlessPatientCard c) {
            return "{\"cardType\":\"contactless-patient-card\",\"uid\":" + JsonString.quote(c.uid()) + "}";
        }
        if (id instanceof SmartCardIdentity.StaffCard staff) {
            // the number signs its holder in: masked like an ID number unless the technician asks
            return "{\"cardType\":\"staff-card\",\"staffCardNumber\":" + JsonString.quote(unmasked
                    ? staff.staffCardNumber() : SmartCardIdentity.mask(staff.staffCardNumber(), 2)) + "}";
        }
        SmartCardIdentity.SocialSecurityCard s = (SmartCardIdentity.SocialSecurityCard) id;
        return "{\"cardType\":\"social-security\",\"cardNumber\":" + JsonString.quote(s.cardNumber())
                + ",\"socialSecurityNumber\":"
                + JsonString.quote(unmasked ? s.socialSecurityNumber() : SmartCardIdentity.mask(s.socialSecurityNumber(), 4))
                + ",\"name\":" + JsonString.quote(s.name()) + ",\"sex\":" + JsonString.quote(s.sex()) + ",\"nation\":" + JsonString.quote(s.nation())
                + ",\"birthplace\":" + JsonString.quote(s.birthplace()) + ",\"birthDate\":" + JsonString.quote(s.birthDate()) + "}";
    }
}
