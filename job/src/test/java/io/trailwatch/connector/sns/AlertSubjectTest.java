package io.trailwatch.connector.sns;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailwatch.alert.Alert;
import org.junit.jupiter.api.Test;

class AlertSubjectTest {

    @Test
    void singleEventAlertsNameTheAccountOfTheEvent() {
        assertThat(AlertSubject.of(TestAlerts.rootLogin(1)))
                .isEqualTo("[HIGH] Root account used - 123456789012");
    }

    @Test
    void groupedAlertsNameTheirGroup() {
        Alert alert = TestAlerts.failedSignIns(1, 3);
        alert.groupKeys = new String[] {"$.recipientAccountId", "$.userIdentity.userName"};
        alert.groupValues = new String[] {"123456789012", "alice"};

        assertThat(AlertSubject.of(alert))
                .isEqualTo("[MEDIUM] Console sign-in failures - 123456789012, alice");
    }

    @Test
    void longSubjectsAreShortenedBelowOneHundredCharacters() {
        Alert alert = TestAlerts.rootLogin(1);
        alert.title = "Very long title ".repeat(10);

        String subject = AlertSubject.of(alert);

        assertThat(subject)
                .hasSizeLessThan(100)
                .startsWith("[HIGH] Very long title")
                .endsWith("...");
    }

    @Test
    void subjectsArePrintableAscii() {
        Alert alert = TestAlerts.rootLogin(1);
        alert.title = "Zugriff verweigert — Überprüfung\nnötig 🚨\tjetzt";

        String subject = AlertSubject.of(alert);

        assertThat(subject)
                .isEqualTo("[HIGH] Zugriff verweigert - Uberprufung notig ? jetzt - 123456789012");
        assertThat(subject.chars()).allMatch(c -> c >= 0x20 && c <= 0x7e);
    }
}
