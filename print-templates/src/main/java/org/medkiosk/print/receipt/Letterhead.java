package org.medkiosk.print.receipt;

import java.io.IOException;
import java.io.InputStream;
import java.time.ZoneId;
import java.util.Objects;
import javax.imageio.ImageIO;
import org.medkiosk.hospital.LocalizedText;
import org.medkiosk.print.escpos.MonoImage;

/**
 * What the hospital's configuration puts on every receipt and report: its name, an optional logo,
 * a footer line, which kiosk printed it, and the time zone times are printed in.
 *
 * @param logo may be null; printed as a raster, so keep it small (≤ 384 dots wide)
 */
public record Letterhead(LocalizedText hospitalName, MonoImage logo, LocalizedText footer, String kioskId, ZoneId zone) {
    public Letterhead {
        Objects.requireNonNull(hospitalName, "hospitalName");
        footer = footer == null ? LocalizedText.same("") : footer;
        kioskId = kioskId == null ? "" : kioskId;
        zone = zone == null ? ZoneId.of("Asia/Shanghai") : zone;
    }

    /** Reads a logo from PNG/GIF/JPEG bytes and thresholds it to black and white. */
    public static MonoImage logo(InputStream image) throws IOException {
        var img = ImageIO.read(image);
        if (img == null) {
            throw new IOException("logo is not a PNG, GIF or JPEG image");
        }
        return MonoImage.of(img);
    }
}
