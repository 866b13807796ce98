package org.medkiosk.demohospital;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.ImageIO;

import org.hl7.fhir.r4.model.Binary;

/** Placeholder portraits for the demo doctors: a coloured disc with a head-and-shoulders silhouette (PNG). */
final class DoctorPhotos {
    private DoctorPhotos() {
    }

    static Binary photo(String binaryId) {
        int hue = Math.floorMod(binaryId.hashCode(), 360);
        BufferedImage img = new BufferedImage(120, 150, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.getHSBColor(hue / 360f, 0.25f, 0.95f));
        g.fillRect(0, 0, 120, 150);
        g.setColor(Color.WHITE);
        g.fillRoundRect(15, 95, 90, 70, 40, 40); // white coat
        g.setColor(Color.getHSBColor(0.08f, 0.3f, 0.85f));
        g.fillOval(35, 30, 50, 58); // face
        g.setColor(Color.DARK_GRAY);
        g.fillArc(33, 24, 54, 36, 0, 180); // hair
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Binary b = new Binary();
        b.setId(binaryId);
        b.setContentType("image/png");
        b.setData(out.toByteArray());
        return b;
    }
}
