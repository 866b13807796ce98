package org.medkiosk.journey.payment;

import java.util.Optional;
import org.medkiosk.device.scanner.ScannedCode;
import org.medkiosk.hospital.PaymentMethod;

/** Which scanned codes are wallet payment codes, and which wallet pays (DEVICES.md §3 patterns). */
public final class WalletCodes {
    private WalletCodes() {
    }

    public static Optional<WalletCode> of(ScannedCode code) {
        PaymentMethod method = switch (code.kind()) {
            case WECHAT_PAY_CODE -> PaymentMethod.WECHAT_PAY;
            case ALIPAY_CODE -> PaymentMethod.ALIPAY;
            case UNIONPAY_CODE -> PaymentMethod.UNIONPAY;
            default -> null;
        };
        return method == null ? Optional.empty() : Optional.of(new WalletCode(code.value(), method));
    }
}
