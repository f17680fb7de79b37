package org.genericconnector.finesse.xml;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.genericconnector.finesse.Samples;
import org.junit.jupiter.api.Test;

/** User as GET /User/{id} returns it (reference section 3). */
class UserXmlTest {

    @Test
    void readsEveryDocumentedUserElement() throws Exception {
        User user = FinesseXml.read(Samples.read("user-not-ready.xml"), User.class);

        assertThat(user.uri()).isEqualTo("/finesse/api/User/6021");
        assertThat(user.loginId()).isEqualTo("6021");
        assertThat(user.loginName()).isEqualTo("jdoe");
        assertThat(user.firstName()).isEqualTo("Jane");
        assertThat(user.lastName()).isEqualTo("Doe");
        assertThat(user.extension()).isEqualTo("2830");
        assertThat(user.dialogs()).isEqualTo("/finesse/api/User/6021/Dialogs");
        assertThat(user.mediaType()).isEqualTo("1");
        assertThat(user.state()).isEqualTo(UserState.NOT_READY);
        assertThat(user.pendingState()).isEmpty();
        assertThat(user.pending()).isEmpty();
        assertThat(user.stateChangeTime()).isEqualTo("2023-01-13T11:07:11.466Z");
        assertThat(user.reasonCodeId()).isEqualTo("2");
        assertThat(user.reasonCode().code()).isEqualTo("10");
        assertThat(user.reasonCode().label()).isEqualTo("Meeting");
        assertThat(user.reasonCode().dbId()).isEqualTo("2");
        assertThat(user.roles().items()).containsExactly("Agent", "Supervisor");
        assertThat(user.hasRole("supervisor")).isTrue();
        assertThat(user.settings()).isEqualTo(new UserSettings("OPTIONAL", "REQUIRED"));
        assertThat(user.teamId()).isEqualTo("5005");
        assertThat(user.teamName()).isEqualTo("Sales");
        assertThat(user.teams().items()).containsExactly(
                new TeamRef("5005", "Sales", "/finesse/api/Team/5005"),
                new TeamRef("5006", "Support", "/finesse/api/Team/5006"));
        assertThat(user.wrapUpTimer()).isEqualTo("7200");
        assertThat(user.mobileAgent()).isEqualTo(MobileAgent.NONE);
    }

    @Test
    void emptyAndAbsentElementsReadAsEmptyNotNull() throws Exception {
        User user = FinesseXml.read(Samples.read("user-logged-out.xml"), User.class);

        assertThat(user.state()).isEqualTo(UserState.LOGOUT);
        assertThat(user.extension()).isEmpty();
        assertThat(user.pendingState()).isEmpty();
        assertThat(user.stateChangeTime()).isEmpty();
        assertThat(user.reasonCodeId()).isEqualTo("-1");
        assertThat(user.reasonCode()).isEqualTo(ReasonCode.NONE);
        assertThat(user.settings()).isEqualTo(UserSettings.NONE);
        assertThat(user.teams().items()).isEmpty();
        assertThat(user.roles().items()).containsExactly("Agent");
        assertThat(user.mediaType()).isEmpty();
        assertThat(user.wrapUpTimer()).isEmpty();
    }

    @Test
    void mobileAgentIsRead() throws Exception {
        User user = FinesseXml.read("<User><state>NOT_READY</state><mobileAgent><mode>NAILED_CONNECTION</mode>"
                + "<dialNumber>4085551234</dialNumber></mobileAgent></User>", User.class);
        assertThat(user.mobileAgent()).isEqualTo(new MobileAgent("NAILED_CONNECTION", "4085551234"));
    }

    @Test
    void userWrittenByTheSimulatorReadsBackEqual() throws Exception {
        User user = FinesseXml.read(Samples.read("user-not-ready.xml"), User.class);
        assertThat(FinesseXml.read(FinesseXml.write(user), User.class)).isEqualTo(user);
    }

    @Test
    void pendingStateAndUnknownStatesAreLenient() throws Exception {
        User user = FinesseXml.read("<User><state>talking</state><pendingState>NOT_READY</pendingState>"
                + "<somethingNew>x</somethingNew></User>", User.class);
        assertThat(user.state()).isEqualTo(UserState.TALKING);
        assertThat(user.pending()).isEqualTo(Optional.of(UserState.NOT_READY));

        assertThat(FinesseXml.read("<User><state>ON_BREAK</state></User>", User.class).state())
                .isEqualTo(UserState.UNKNOWN);
        assertThat(FinesseXml.read("<User/>", User.class).roles().items()).isEmpty();
        assertThat(FinesseXml.read("<User/>", User.class).state()).isEqualTo(UserState.UNKNOWN);
    }
}
