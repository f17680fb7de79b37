package org.genericconnector.finesse.xml;

import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;

/**
 * {@code GET /SystemInfo} and SystemInfo notifications. Immutable.
 *
 * @param deploymentType   UCCE or UCCX
 * @param xmppPubSubDomain the pub-sub service JID, {@code pubsub.<xmppDomain>}
 * @param systemAuthMode   SSO or non-SSO (literal unverified; kept as text)
 */
@JacksonXmlRootElement(localName = "SystemInfo")
@JsonPropertyOrder({"uri", "status", "statusReason", "deploymentType", "currentTimestamp", "timezoneOffset",
        "xmppDomain", "xmppPubSubDomain", "primaryNode", "secondaryNode", "systemAuthMode", "peripheralId",
        "ctiVersion"})
public record SystemInfo(String uri, SystemStatus status, String statusReason, String deploymentType,
                         String currentTimestamp, String timezoneOffset, String xmppDomain,
                         String xmppPubSubDomain, FinesseNode primaryNode, FinesseNode secondaryNode,
                         String systemAuthMode, String peripheralId, String ctiVersion) {

    public SystemInfo {
        uri = Values.text(uri);
        status = Values.orElse(status, SystemStatus.UNKNOWN);
        statusReason = Values.text(statusReason);
        deploymentType = Values.text(deploymentType);
        currentTimestamp = Values.text(currentTimestamp);
        timezoneOffset = Values.text(timezoneOffset);
        xmppDomain = Values.text(xmppDomain);
        xmppPubSubDomain = Values.text(xmppPubSubDomain);
        primaryNode = Values.orElse(primaryNode, FinesseNode.NONE);
        secondaryNode = Values.orElse(secondaryNode, FinesseNode.NONE);
        systemAuthMode = Values.text(systemAuthMode);
        peripheralId = Values.text(peripheralId);
        ctiVersion = Values.text(ctiVersion);
    }

    public boolean inService() {
        return status == SystemStatus.IN_SERVICE;
    }

    public boolean isUcce() {
        return deploymentType.strip().equalsIgnoreCase("UCCE");
    }

    /**
     * The other node of the pair, as Cisco's JavaScript library picks it: this node is the one whose
     * host equals {@code xmppDomain}; empty for a single-node deployment.
     */
    public Optional<String> alternateHost() {
        if (!secondaryNode.isPresent()) {
            return Optional.empty();
        }
        String self = xmppDomain.strip();
        return Optional.of(primaryNode.host().strip().equalsIgnoreCase(self)
                ? secondaryNode.host().strip() : primaryNode.host().strip());
    }
}
