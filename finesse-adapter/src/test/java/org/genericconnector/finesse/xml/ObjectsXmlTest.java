package org.genericconnector.finesse.xml;

import static org.assertj.core.api.Assertions.assertThat;

import org.genericconnector.finesse.Samples;
import org.junit.jupiter.api.Test;

/** The other REST objects of reference section 3, in their documented forms. */
class ObjectsXmlTest {

    @Test
    void reasonCodesCarryCategoryCodeLabelAndDatabaseId() throws Exception {
        ReasonCodes codes = FinesseXml.read(Samples.read("reason-codes.xml"), ReasonCodes.class);

        assertThat(codes.items()).containsExactly(
                new ReasonCode("/finesse/api/ReasonCode/1", "", "NOT_READY", "10", "Meeting", true, false),
                new ReasonCode("/finesse/api/ReasonCode/7", "", "NOT_READY", "22", "Lunch", false, false));
        assertThat(codes.items().get(1).dbId()).isEqualTo("7");
    }

    @Test
    void wrapUpReasons() throws Exception {
        WrapUpReasons reasons = FinesseXml.read(Samples.read("wrap-up-reasons.xml"), WrapUpReasons.class);

        assertThat(reasons.items()).containsExactly(
                new WrapUpReason("/finesse/api/WrapUpReason/3", "Sale", true),
                new WrapUpReason("/finesse/api/WrapUpReason/4", "No sale", false));
        assertThat(reasons.items().get(0).dbId()).isEqualTo("3");
    }

    @Test
    void teamListsSummaryUsersWithLowercaseReasonCode() throws Exception {
        Team team = FinesseXml.read(Samples.read("team.xml"), Team.class);

        assertThat(team.id()).isEqualTo("5005");
        assertThat(team.name()).isEqualTo("Sales");
        assertThat(team.uri()).isEqualTo("/finesse/api/Team/5005");
        assertThat(team.users().items()).extracting(User::loginId, User::state)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("6021", UserState.NOT_READY),
                        org.assertj.core.groups.Tuple.tuple("6022", UserState.TALKING));
        ReasonCode reason = team.users().items().get(0).reasonCode();
        assertThat(reason.id()).isEqualTo("1");
        assertThat(reason.label()).isEqualTo("Meeting");
        assertThat(reason.category()).isEqualTo("NOT_READY");
        assertThat(team.users().items().get(1).reasonCode()).isEqualTo(ReasonCode.NONE);
    }

    @Test
    void queueStatistics() throws Exception {
        Queue queue = FinesseXml.read(Samples.read("queue.xml"), Queue.class);

        assertThat(queue.id()).isEqualTo("10");
        assertThat(queue.name()).isEqualTo("Sales");
        assertThat(queue.statistics()).isEqualTo(new QueueStatistics(3, "2012-02-15T17:58:21Z", 1, 4, 0, 9, 2, 1,
                0, 1, 0));
    }

    @Test
    void unassignedQueueStatisticsAndAbsentOrEmptyNumbersAreMinusOne() throws Exception {
        Queues queues = FinesseXml.read(Samples.read("queues-unassigned.xml"), Queues.class);

        assertThat(queues.items()).hasSize(2);
        QueueStatistics unassigned = queues.items().get(0).statistics();
        assertThat(unassigned).isEqualTo(QueueStatistics.NONE);
        assertThat(unassigned.startTimeOfLongestCallInQueue()).isEmpty();
        QueueStatistics partial = queues.items().get(1).statistics();
        assertThat(partial.callsInQueue()).isZero();
        assertThat(partial.agentsReady()).isEqualTo(-1);
        assertThat(partial.agentsLoggedOn()).isEqualTo(-1);
    }

    @Test
    void phoneBooksAndContacts() throws Exception {
        PhoneBooks books = FinesseXml.read(Samples.read("phone-books.xml"), PhoneBooks.class);
        assertThat(books.items()).containsExactly(
                new PhoneBook("/finesse/api/PhoneBook/1", "Company", "GLOBAL", "/finesse/api/PhoneBook/1/Contacts"),
                new PhoneBook("/finesse/api/PhoneBook/2", "Sales partners", "TEAM",
                        "/finesse/api/PhoneBook/2/Contacts"));
        assertThat(books.items().get(1).id()).isEqualTo("2");

        Contacts contacts = FinesseXml.read(Samples.read("contacts.xml"), Contacts.class);
        assertThat(contacts.items()).containsExactly(
                new Contact("Help", "Desk", "4000", "Internal IT", "/finesse/api/PhoneBook/1/Contact/11"),
                new Contact("Bo", "", "+44 20 7946 0000", "", "/finesse/api/PhoneBook/1/Contact/12"));
    }

    @Test
    void systemInfoWithBothNodes() throws Exception {
        SystemInfo info = FinesseXml.read(Samples.read("system-info.xml"), SystemInfo.class);

        assertThat(info.status()).isEqualTo(SystemStatus.IN_SERVICE);
        assertThat(info.inService()).isTrue();
        assertThat(info.statusReason()).isEmpty();
        assertThat(info.deploymentType()).isEqualTo("UCCE");
        assertThat(info.isUcce()).isTrue();
        assertThat(info.currentTimestamp()).isEqualTo("2024-01-01T10:00:00.000Z");
        assertThat(info.timezoneOffset()).isEqualTo("0");
        assertThat(info.xmppDomain()).isEqualTo("fin-b.example.com");
        assertThat(info.xmppPubSubDomain()).isEqualTo("pubsub.fin-b.example.com");
        assertThat(info.primaryNode()).isEqualTo(new FinesseNode("fin-a.example.com", "8445", "5222", "5223"));
        assertThat(info.secondaryNode()).isEqualTo(new FinesseNode("fin-b.example.com", "", "", ""));
        assertThat(info.systemAuthMode()).isEqualTo("NON_SSO");
        assertThat(info.peripheralId()).isEqualTo("5000");
        assertThat(info.ctiVersion()).isEqualTo("24");
    }

    @Test
    void alternateHostIsTheNodeThatIsNotXmppDomain() throws Exception {
        SystemInfo pair = FinesseXml.read(Samples.read("system-info.xml"), SystemInfo.class);
        assertThat(pair.alternateHost()).contains("fin-a.example.com");

        SystemInfo single = FinesseXml.read(Samples.read("system-info-single-node.xml"), SystemInfo.class);
        assertThat(single.alternateHost()).isEmpty();
        assertThat(single.status()).isEqualTo(SystemStatus.OUT_OF_SERVICE);
        assertThat(single.inService()).isFalse();
        assertThat(single.isUcce()).isFalse();
    }

    @Test
    void unknownSystemStatusIsNotInService() throws Exception {
        SystemInfo info = FinesseXml.read("<SystemInfo><status>SOMETHING_NEW</status></SystemInfo>",
                SystemInfo.class);
        assertThat(info.status()).isEqualTo(SystemStatus.UNKNOWN);
        assertThat(info.inService()).isFalse();
    }

    @Test
    void restApiErrorsUseCapitalisedElementNames() throws Exception {
        ApiErrors errors = FinesseXml.read(Samples.read("api-errors-rest.xml"), ApiErrors.class);

        assertThat(errors.items()).containsExactly(new ApiError("Invalid State", "state",
                "Cannot change state to READY while LOGOUT", "", "", ""));
    }
}
