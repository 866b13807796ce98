package org.medkiosk.device.receipt;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.medkiosk.device.link.SerialLink;
import org.medkiosk.device.link.SerialSettings;

/**
 * Runs the printer simulator for technicians and demos:
 * {@code java -cp … org.medkiosk.device.receipt.PrinterSimulatorMain --tcp 9100 | --serial PATH [--paper-end]
 * [--near-end] [--cover-open] [--offline] [--cutter-error] [--dump FILE]}. With {@code --serial} give it one end
 * of a pty pair ({@code socat -d -d pty,raw,echo=0,link=/tmp/printer pty,raw,echo=0,link=/tmp/kiosk}) and the
 * kiosk the other. {@code --dump} appends every completed job's bytes to FILE (preview it with
 * {@code kiosk receipt render}-style tools). Runs until killed.
 */
public final class PrinterSimulatorMain {
    private PrinterSimulatorMain() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(List.of(args), System.out, System.err));
    }

    static int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        PrinterSimulator sim = new PrinterSimulator();
        Integer port = null;
        String serial = null;
        Path dump = null;
        for (int i = 0; i < args.size(); i++) {
            switch (args.get(i)) {
                case "--tcp" -> port = Integer.parseInt(args.get(++i));
                case "--serial" -> serial = args.get(++i);
                case "--paper-end" -> sim.setPaperMm(0);
                case "--near-end" -> sim.setPaperNearEnd();
                case "--cover-open" -> sim.setCoverOpen(true);
                case "--offline" -> sim.setOffline(true);
                case "--cutter-error" -> sim.setCutterError(true);
                case "--dump" -> dump = Path.of(args.get(++i));
                default -> {
                    err.println("usage: PrinterSimulatorMain --tcp PORT | --serial PATH [--paper-end] [--near-end] "
                            + "[--cover-open] [--offline] [--cutter-error] [--dump FILE]");
                    return 2;
                }
            }
        }
        if ((port == null) == (serial == null)) {
            err.println("give exactly one of --tcp PORT or --serial PATH");
            return 2;
        }
        if (port != null) {
            out.println("printer simulator listening on tcp://127.0.0.1:" + sim.serveTcp(port));
        } else {
            sim.runOn(new SerialLink(SerialSettings.of(serial, 115200)));
            out.println("printer simulator on " + serial);
        }
        int seen = 0;
        while (true) {
            Thread.sleep(500);
            List<byte[]> jobs = sim.printedJobs();
            for (; seen < jobs.size(); seen++) {
                out.println("printed job " + (seen + 1) + ": " + jobs.get(seen).length + " bytes, paper left " + sim.paperMm() + " mm");
                if (dump != null) {
                    Files.write(dump, jobs.get(seen), java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
                }
            }
        }
    }
}
