package org.medkiosk.app.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medkiosk.fhir.FhirHospitalBackend;
import org.medkiosk.fhir.FhirSettings;

/**
 * Issue 11, "configuration that tells the technician what is wrong": backend values the FHIR client refuses only when
 * the kiosk starts (inside JavaFX start, as a stack trace) are refused by the loader, with its one-line message.
 */
class BackendStartupConfigTest {

    private static ConfigException refused(String text) {
        return assertThrows(ConfigException.class, () -> ConfigLoader.parse("kiosk.properties", text));
    }

    private static void oneLine(ConfigException e, String key, String value) {
        assertEquals(key, e.key());
        assertTrue(e.getMessage().startsWith("kiosk.properties: " + key + " = \"" + value + "\" is not valid: expected "),
                e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void plainHttpOffLoopbackIsRefusedAsTheClientWouldAtStart() {
        for (String url : new String[] {"http://his.example-hospital.cn/fhir", "http://10.20.0.5:8080/fhir",
                "http://127.example.org/fhir", "http://[fe80::1]/fhir"}) {
            // Today's failure: the client refuses it when the kiosk is assembled.
            assertThrows(IllegalArgumentException.class, () -> FhirSettings.of(url));
            ConfigException e = refused("backend.url=" + url + "\n");
            oneLine(e, "backend.url", url);
            assertTrue(e.getMessage().contains("https://"), e.getMessage());
            assertTrue(e.getMessage().contains("loopback"), e.getMessage());
        }
    }

    @Test
    void httpsAnywhereAndPlainHttpOnLoopbackAreAccepted() {
        for (String url : new String[] {"https://his.example-hospital.cn/fhir", "https://10.20.0.5:8443/fhir/",
                "http://127.0.0.1:8080/fhir", "http://localhost:8080/fhir", "http://[::1]:8080/fhir"}) {
            KioskConfig c = ConfigLoader.parse("k", "backend.url=" + url + "\n");
            assertEquals(url, c.backend().url().orElseThrow());
            c.backend().fhirSettings(); // what KioskAssembly calls at start: no exception
        }
    }

    @Test
    void aUrlTheClientCannotParseIsRefused() {
        oneLine(refused("backend.url=https://his_server/fhir\n"), "backend.url", "https://his_server/fhir");
        oneLine(refused("backend.url=https://his.example.org/fh{ir}\n"), "backend.url", "https://his.example.org/fh{ir}");
    }

    @Test
    void theTokenEndpointFollowsTheSameRule() {
        String base = "backend.url=https://his.example.org/fhir\nbackend.client-id=kiosk-7\nbackend.client-secret=s\n";
        ConfigException e = refused(base + "backend.token-url=http://his.example.org/oauth2/token\n");
        oneLine(e, "backend.token-url", "http://his.example.org/oauth2/token");
        oneLine(refused(base + "backend.token-url=token-server\n"), "backend.token-url", "token-server");
        KioskConfig ok = ConfigLoader.parse("k", base + "backend.token-url=https://his.example.org/oauth2/token\n");
        assertEquals("https://his.example.org/oauth2/token", ok.backend().clientCredentials().orElseThrow().tokenUrl());
        ok.backend().fhirSettings();
    }

    @Test
    void aMissingCertificateFileIsRefusedWhereTheClientWouldFailAtItsFirstConnection(@TempDir Path dir) {
        Path missing = dir.resolve("his-ca.pem");
        // Today's failure: building the FHIR client (KioskAssembly.hospital) throws inside JavaFX start.
        assertThrows(IllegalArgumentException.class, () -> new FhirHospitalBackend(
                FhirSettings.of("https://his.example.org/fhir").withTrustedCertificates(missing)));
        ConfigException e = refused("backend.url=https://his.example.org/fhir\nbackend.trusted-certificates=" + missing + "\n");
        oneLine(e, "backend.trusted-certificates", missing.toString());
        assertTrue(e.getMessage().endsWith("; there is no such file"), e.getMessage());
    }

    @Test
    void aFolderAnEmptyFileOrNotACertificateIsRefused(@TempDir Path dir) throws Exception {
        ConfigException folder = refused("backend.trusted-certificates=" + dir + "\n");
        oneLine(folder, "backend.trusted-certificates", dir.toString());
        assertTrue(folder.getMessage().endsWith("; it is a folder"), folder.getMessage());

        Path empty = Files.writeString(dir.resolve("empty.pem"), "");
        ConfigException none = refused("backend.trusted-certificates=" + empty + "\n");
        oneLine(none, "backend.trusted-certificates", empty.toString());
        assertTrue(none.getMessage().contains("no certificate"), none.getMessage());

        Path key = Files.writeString(dir.resolve("key.pem"), "-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49AgEGCCqGSM49\n"
                + "-----END PRIVATE KEY-----\n");
        ConfigException notCert = refused("backend.trusted-certificates=" + key + "\n");
        oneLine(notCert, "backend.trusted-certificates", key.toString());
        assertTrue(notCert.getMessage().contains("no certificate"), notCert.getMessage());
    }

    @Test
    void aReadablePemIsAcceptedAndTheClientAcceptsItToo(@TempDir Path dir) throws Exception {
        Path pem = selfSignedPem(dir);
        KioskConfig c = ConfigLoader.parse("k", "backend.url=https://his.example.org/fhir\nbackend.trusted-certificates="
                + pem + "\n");
        assertEquals(pem, c.backend().trustedCertificates().orElseThrow());
        new FhirHospitalBackend(c.backend().fhirSettings()).close();
    }

    @Test
    void anOverriddenBadValueNamesTheOverridesFile(@TempDir Path dir) throws Exception {
        Path main = Files.writeString(dir.resolve("kiosk.properties"), "backend.url=https://his.example.org/fhir\n");
        Path overrides = Files.writeString(dir.resolve(ConfigLoader.OVERRIDES_FILE_NAME),
                "backend.url=http://his.example.org/fhir\n");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(main, overrides));
        assertTrue(e.getMessage().startsWith(overrides + ": backend.url = \"http://his.example.org/fhir\" is not valid: "
                + "expected "), e.getMessage());
    }

    /** A throwaway self-signed certificate, made with the JDK's keytool (as the FHIR client's TLS tests do). */
    static Path selfSignedPem(Path dir) throws Exception {
        Path keystore = dir.resolve("server.p12");
        Path pem = dir.resolve("server.pem");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        run(keytool, "-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1",
                "-keystore", keystore.toString(), "-storetype", "PKCS12", "-storepass", "changeit",
                "-dname", "CN=his.example.org", "-validity", "2");
        run(keytool, "-exportcert", "-rfc", "-alias", "server", "-keystore", keystore.toString(),
                "-storepass", "changeit", "-file", pem.toString());
        return pem;
    }

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("keytool failed: " + output);
        }
    }
}
