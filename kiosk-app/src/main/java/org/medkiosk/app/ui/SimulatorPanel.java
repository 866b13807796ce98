package org.medkiosk.app.ui;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.medkiosk.app.i18n.I18n;
import org.medkiosk.demohospital.DemoRoster;
import org.medkiosk.device.idcard.DemoCards;
import org.medkiosk.device.idcard.SamReaderSimulator;
import org.medkiosk.device.idcard.SimulatedFault;
import org.medkiosk.device.receipt.PrintResult;
import org.medkiosk.device.receipt.PrinterSimulator;
import org.medkiosk.device.receipt.ReceiptPrinter;
import org.medkiosk.device.scanner.ScannerSimulator;
import org.medkiosk.device.scanner.Symbology;
import org.medkiosk.hospital.LocalizedText;
import org.medkiosk.print.escpos.PrinterProfile;
import org.medkiosk.print.preview.ReceiptPreview;
import org.medkiosk.print.receipt.Letterhead;
import org.medkiosk.print.receipt.ReceiptTemplates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's second window. It acts on the far ends of the kiosk's links — a simulated SAM reader, a
 * simulated scanner, a simulated receipt printer — which answer the real drivers in real protocol bytes, so
 * every branch can be shown to a hospital without hardware. Not part of a lobby kiosk.
 */
public final class SimulatorPanel {
    private static final Logger LOG = LoggerFactory.getLogger(SimulatorPanel.class);

    private final SamReaderSimulator idCardReader;
    private final ScannerSimulator scanner;
    private final PrinterSimulator printer;
    private final ReceiptPrinter receiptPrinter;
    private final FlowPane printed = new FlowPane(8, 8);
    private final Label printerOutcome = new Label();

    public SimulatorPanel(SamReaderSimulator idCardReader, ScannerSimulator scanner, PrinterSimulator printer,
                          ReceiptPrinter receiptPrinter) {
        this.idCardReader = idCardReader;
        this.scanner = scanner;
        this.printer = printer;
        this.receiptPrinter = receiptPrinter;
    }

    // --- issue 9: the demo's PC/SC reader (social security cards, contactless patient cards)
    private org.medkiosk.device.smartcard.SimulatedCardReaders smartCards;
    private String smartCardReader;

    /** Adds the simulated smart-card reader's cards to the panel. */
    public SimulatorPanel withSmartCards(org.medkiosk.device.smartcard.SimulatedCardReaders readers, String readerName) {
        this.smartCards = readers;
        this.smartCardReader = readerName;
        return this;
    }

    private VBox smartCards() {
        FlowPane insurance = new FlowPane(6, 6);
        for (int n = 1; n <= 6; n++) {
            int number = n;
            Button b = new Button();
            b.setId("sim-insurance-" + n);
            b.textProperty().bind(I18n.bind("sim.smartcard.insurance", n));
            b.setOnAction(e -> smartCards.insert(smartCardReader,
                    org.medkiosk.device.smartcard.SocialSecurityCardSimulator.demo(number,
                            org.medkiosk.device.smartcard.SocialSecurityCardSimulator.Variant.NORMAL)));
            insurance.getChildren().add(b);
        }
        FlowPane patient = new FlowPane(6, 6);
        for (int n = 1; n <= 10; n++) {
            int number = n;
            Button b = new Button();
            b.setId("sim-patient-card-" + n);
            b.textProperty().bind(I18n.bind("sim.smartcard.patient", n));
            b.setOnAction(e -> smartCards.insert(smartCardReader,
                    org.medkiosk.device.smartcard.ContactlessPatientCardSimulator.demo(number)));
            patient.getChildren().add(b);
        }
        // Nurse-assisted mode: the demo's staff cards (two nurses, a technician, and a leaver's card the hospital
        // refuses), read by the same driver and staff-card profile as a lobby's.
        FlowPane staff = new FlowPane(6, 6);
        for (int n = 1; n <= 4; n++) {
            int number = n;
            Button b = new Button();
            b.setId("sim-staff-card-" + n);
            b.textProperty().bind(I18n.bind("sim.smartcard.staff", n));
            b.setOnAction(e -> smartCards.insert(smartCardReader, org.medkiosk.device.smartcard.StaffCardSimulator.demo(
                    number, org.medkiosk.device.smartcard.StaffCardSimulator.Variant.NORMAL)));
            staff.getChildren().add(b);
        }
        Label staffHint = new Label();
        staffHint.setWrapText(true);
        staffHint.textProperty().bind(I18n.bind("sim.smartcard.staff-hint"));
        Button remove = new Button();
        remove.textProperty().bind(I18n.bind("sim.remove"));
        remove.setOnAction(e -> smartCards.remove(smartCardReader));
        return new VBox(6, insurance, patient, staff, staffHint, remove);
    }
    // --- end issue 9

    // --- issue 9 (reports): the demo's A4 report printer — fault switches, and the pages of the last report it printed.
    private org.medkiosk.app.demo.SimulatedReportPrinter a4;
    private final VBox a4Pages = new VBox(8);
    private final Label a4Outcome = new Label();

    /** Adds the simulated A4 report printer to the panel. */
    public SimulatorPanel withReportPrinter(org.medkiosk.app.demo.SimulatedReportPrinter printer) {
        this.a4 = printer;
        return this;
    }

    private VBox a4Printing() {
        javafx.scene.control.ToggleGroup faults = new javafx.scene.control.ToggleGroup();
        FlowPane switches = new FlowPane(8, 6);
        for (org.medkiosk.app.demo.SimulatedReportPrinter.Fault f : org.medkiosk.app.demo.SimulatedReportPrinter.Fault.values()) {
            javafx.scene.control.RadioButton b = new javafx.scene.control.RadioButton();
            b.setId("sim-a4-" + f.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            b.textProperty().bind(a4FaultText(f));
            b.setToggleGroup(faults);
            b.setSelected(a4.fault() == f);
            b.setOnAction(e -> a4.fault(f));
            switches.getChildren().add(b);
        }
        a4Outcome.setWrapText(true);
        a4Outcome.textProperty().bind(I18n.bind("sim.a4.none"));
        a4.onPrinted(pdf -> showA4(pdf, a4.printed().size()));
        ScrollPane pages = new ScrollPane(a4Pages);
        pages.setPrefViewportHeight(420);
        return new VBox(6, switches, a4Outcome, pages);
    }

    private static javafx.beans.binding.StringBinding a4FaultText(org.medkiosk.app.demo.SimulatedReportPrinter.Fault f) {
        switch (f) {
            case OFFLINE:
                return I18n.bind("sim.a4.fault.offline");
            case OUT_OF_PAPER:
                return I18n.bind("sim.a4.fault.out-of-paper");
            case STALLED:
                return I18n.bind("sim.a4.fault.stalled");
            default:
                return I18n.bind("sim.a4.fault.none");
        }
    }

    /** Renders the report's pages off the FX thread (PDFBox), then shows them with the page count. */
    private void showA4(byte[] pdf, int jobs) {
        CompletableFuture.supplyAsync(() -> renderPages(pdf)).thenAccept(pages -> Platform.runLater(() -> {
            a4Outcome.textProperty().unbind();
            a4Outcome.setText(I18n.tr("sim.a4.printed", jobs, pages.size()));
            a4Pages.getChildren().clear();
            for (Image page : pages) {
                ImageView view = new ImageView(page);
                view.setPreserveRatio(true);
                view.setFitWidth(480);
                a4Pages.getChildren().add(view);
            }
        }));
    }

    static List<Image> renderPages(byte[] pdf) {
        List<Image> out = new java.util.ArrayList<>();
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            org.apache.pdfbox.rendering.PDFRenderer renderer = new org.apache.pdfbox.rendering.PDFRenderer(doc);
            for (int i = 0; i < doc.getNumberOfPages() && i < 6; i++) {
                java.awt.image.BufferedImage page = renderer.renderImageWithDPI(i, 60);
                out.add(javafx.embed.swing.SwingFXUtils.toFXImage(page, null));
            }
        } catch (java.io.IOException | RuntimeException e) {
            LOG.warn("the simulated A4 page cannot be shown: {}", e.toString());
        }
        return out;
    }
    // --- end issue 9 (reports)

    public void show(Stage owner) {
        Label hint = new Label();
        hint.setWrapText(true);
        hint.textProperty().bind(I18n.bind("sim.hint"));
        VBox root = new VBox(10, hint, pane(I18n.key("sim.idcard"), idCards(), true), pane(I18n.key("sim.scanner"), scanning(), true),
                pane(I18n.key("sim.printer"), printing(), true), pane(I18n.key("sim.faults"), faults(), false));
        if (smartCards != null) {
            root.getChildren().add(2, pane(I18n.key("sim.smartcard"), smartCards(), true)); // issue 9
        }
        if (a4 != null) {
            root.getChildren().add(root.getChildren().size() - 1, pane(I18n.key("sim.a4"), a4Printing(), false)); // issue 9
        }
        root.setPadding(new Insets(12));
        Stage stage = new Stage();
        stage.titleProperty().bind(I18n.bind("sim.title"));
        ScrollPane scroll = new ScrollPane(root);
        scroll.setFitToWidth(true);
        stage.setScene(new Scene(scroll, 560, 900));
        var bounds = javafx.stage.Screen.getPrimary().getVisualBounds();
        stage.setX(Math.max(bounds.getMinX(), bounds.getMaxX() - 580));
        stage.setY(bounds.getMinY() + 20);
        stage.setHeight(Math.min(900, bounds.getHeight() - 40));
        stage.show();
    }

    private static TitledPane pane(String key, javafx.scene.Node content, boolean expanded) {
        TitledPane pane = new TitledPane();
        pane.textProperty().bind(I18n.bind(key));
        pane.setContent(content);
        pane.setExpanded(expanded);
        return pane;
    }

    private VBox idCards() {
        VBox cards = new VBox(6);
        for (DemoCards.DemoCard demo : DemoCards.all()) {
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            Button insert = new Button();
            insert.setId("sim-insert-" + demo.rosterNumber());
            insert.textProperty().bind(I18n.bind("sim.insert"));
            insert.setOnAction(e -> idCardReader.insert(demo.card()));
            cards.getChildren().add(new HBox(8, new Label(demo.label()), spacer, insert));
        }
        Button remove = new Button();
        remove.textProperty().bind(I18n.bind("sim.remove"));
        remove.setOnAction(e -> idCardReader.remove());
        cards.getChildren().add(remove);
        return cards;
    }

    private VBox scanning() {
        TextField code = new TextField();
        code.setPromptText("MKAPT:… / 8800000001 / …");
        Button scan = new Button();
        scan.textProperty().bind(I18n.bind("sim.scan"));
        scan.setOnAction(e -> present(code.getText().trim(), Symbology.QR_CODE));
        HBox.setHgrow(code, Priority.ALWAYS);
        FlowPane quick = new FlowPane(6, 6);
        for (int n : new int[] {1, 2, 3}) {
            Button ehc = new Button();
            ehc.textProperty().bind(I18n.bind("sim.scan.ehealth", n));
            ehc.setOnAction(e -> present(DemoRoster.ehealthCardQr(n), Symbology.QR_CODE));
            quick.getChildren().add(ehc);
        }
        Button voucher = new Button(); // issue 9: the insurance e-voucher QR (医保电子凭证)
        voucher.textProperty().bind(I18n.bind("sim.scan.voucher", 3));
        voucher.setOnAction(e -> present(DemoRoster.insuranceVoucherQr(3), Symbology.QR_CODE));
        quick.getChildren().add(voucher);
        Button card = new Button();
        card.textProperty().bind(I18n.bind("sim.scan.patient-card", 4));
        card.setOnAction(e -> present(DemoRoster.patient(4).patientCardBarcode(), Symbology.CODE_128));
        Button wallet = new Button();
        wallet.textProperty().bind(I18n.bind("sim.scan.wallet"));
        // A WeChat-shaped demo code: it exercises the "payment code before identification" branch.
        wallet.setOnAction(e -> present("134567890123456789", Symbology.QR_CODE));
        quick.getChildren().addAll(card, wallet);
        return new VBox(6, new HBox(6, code, scan), quick);
    }

    private void present(String text, Symbology symbology) {
        if (text.isEmpty()) {
            return;
        }
        CompletableFuture.runAsync(() -> {
            try {
                scanner.present(text, symbology);
            } catch (Exception e) {
                LOG.warn("simulated scan failed: {}", e.toString());
            }
        });
    }

    private VBox printing() {
        Button test = new Button();
        test.textProperty().bind(I18n.bind("sim.print-test"));
        test.setOnAction(e -> printTestPage());
        CheckBox paperOut = new CheckBox();
        paperOut.textProperty().bind(I18n.bind("sim.paper-end"));
        paperOut.selectedProperty().addListener((o, was, out) -> printer.setPaperMm(out ? 0 : 50_000));
        CheckBox cover = new CheckBox();
        cover.textProperty().bind(I18n.bind("sim.cover-open"));
        cover.selectedProperty().addListener((o, was, open) -> printer.setCoverOpen(open));
        printerOutcome.setWrapText(true);
        ScrollPane paper = new ScrollPane(printed);
        paper.setPrefViewportHeight(320);
        return new VBox(6, new HBox(12, test, paperOut, cover), printerOutcome, paper);
    }

    private void printTestPage() {
        Letterhead letterhead = new Letterhead(LocalizedText.of("MedKiosk 示范医院", "MedKiosk Demo Hospital"), null,
                null, "demo", ZoneId.systemDefault());
        Locale locale = I18n.locale();
        CompletableFuture.supplyAsync(() -> receiptPrinter.print(
                        new ReceiptTemplates(letterhead, PrinterProfile.EPSON_80, locale).testPage(Instant.now())))
                .thenAccept(result -> Platform.runLater(() -> showPrinted(result)));
    }

    /** Shows what the simulated printer put on paper, through the same previewer the tests use. */
    private void showPrinted(PrintResult result) {
        if (result instanceof PrintResult.NotPrinted notPrinted) {
            printerOutcome.setText(I18n.tr("sim.not-printed", notPrinted.problem().description()));
        } else {
            printerOutcome.setText(I18n.tr("sim.printed"));
        }
        List<byte[]> jobs = printer.printedJobs();
        printed.getChildren().clear();
        for (int i = jobs.size() - 1; i >= 0; i--) {
            Image image = new Image(new ByteArrayInputStream(ReceiptPreview.png(jobs.get(i), PrinterProfile.EPSON_80)));
            ImageView view = new ImageView(image);
            view.setPreserveRatio(true);
            view.setFitWidth(240);
            printed.getChildren().add(view);
        }
    }

    private VBox faults() {
        VBox faults = new VBox(4);
        for (SimulatedFault fault : SimulatedFault.values()) {
            CheckBox box = new CheckBox(fault.name().toLowerCase(Locale.ROOT).replace('_', ' '));
            box.selectedProperty().addListener((o, was, on) -> {
                if (on) {
                    idCardReader.enable(fault);
                } else {
                    idCardReader.disable(fault);
                }
            });
            faults.getChildren().add(box);
        }
        return faults;
    }
}
