package org.medkiosk.app;

import java.util.Optional;
import javafx.stage.Stage;
import org.medkiosk.app.concurrent.TaskExecutor;
import org.medkiosk.app.config.KioskConfig;
import org.medkiosk.app.devices.IdCardIdentity;
import org.medkiosk.app.journey.IdentitySource;
import org.medkiosk.app.session.KioskViewModel;
import org.medkiosk.app.ui.SimulatorPanel;
import org.medkiosk.device.idcard.IdCardEvent;
import org.medkiosk.device.idcard.IdCardReader;
import org.medkiosk.device.idcard.IdCardReaderSettings;
import org.medkiosk.device.idcard.SamReaderSimulator;
import org.medkiosk.device.link.InMemoryLink;
import org.medkiosk.device.link.Link;
import org.medkiosk.device.link.LinkPair;
import org.medkiosk.device.link.SerialLink;
import org.medkiosk.device.link.SerialSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kiosk's devices and, in demo mode, the simulators on the other end of their links. Simulated devices
 * speak the real protocols over in-memory links, so the demo runs the same driver code as a lobby.
 */
final class KioskDevices implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KioskDevices.class);

    private final Optional<Link> idCardLink;
    private final Optional<SamReaderSimulator> idCardSimulator;
    private IdCardReader idCardReader;
    private SimulatorPanel panel;

    private KioskDevices(Optional<Link> idCardLink, Optional<SamReaderSimulator> idCardSimulator) {
        this.idCardLink = idCardLink;
        this.idCardSimulator = idCardSimulator;
    }

    static KioskDevices simulated() {
        LinkPair pair = InMemoryLink.pair("simulated-idcard");
        SamReaderSimulator simulator = new SamReaderSimulator(pair.device());
        simulator.start();
        return new KioskDevices(Optional.of(pair.host()), Optional.of(simulator));
    }

    static KioskDevices fromConfig(KioskConfig config) {
        Optional<Link> link = config.idCardReader().port()
                .map(port -> new SerialLink(SerialSettings.of(port, config.idCardReader().baud())));
        if (link.isEmpty()) {
            LOG.warn("no ID-card reader configured (idcard.port); patients identify by card or code only");
        }
        return new KioskDevices(link, Optional.empty());
    }

    Optional<SamReaderSimulator> idCardSimulator() {
        return idCardSimulator;
    }

    /** Opens the readers; their events reach the view model on the UI thread. */
    void start(KioskConfig config, TaskExecutor tasks, KioskViewModel vm) {
        idCardLink.ifPresent(link -> {
            IdCardReaderSettings settings = IdCardReaderSettings.defaults()
                    .withPollInterval(config.idCardReader().pollInterval());
            idCardReader = new IdCardReader(link, settings, event -> {
                if (event instanceof IdCardEvent.CardRead read) {
                    tasks.ui().execute(() -> vm.present(IdCardIdentity.of(read.card()), IdentitySource.ID_CARD));
                } else if (event instanceof IdCardEvent.ReadFailed failed) {
                    LOG.warn("ID card could not be read: {} {}", failed.failure(), failed.detail());
                    tasks.ui().execute(vm::cardUnreadable);
                } else if (event instanceof IdCardEvent.HealthChanged health) {
                    LOG.info("ID-card reader: {}", health.health());
                }
            });
            idCardReader.start();
        });
    }

    void showSimulatorPanel(Stage owner) {
        idCardSimulator.ifPresent(sim -> {
            panel = new SimulatorPanel(sim);
            panel.show(owner);
        });
    }

    @Override
    public void close() {
        if (idCardReader != null) {
            idCardReader.close();
        }
        idCardSimulator.ifPresent(SamReaderSimulator::close);
    }
}
