package org.genericconnector.simulator.ami;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.genericconnector.simulator.model.Directory;

/**
 * Snapshots and variables: Status, CoreShowChannels, DeviceStateList, ExtensionState, Setvar, Getvar, and
 * UserEvent. Confined to the contact center's lock (run as PBX steps).
 */
final class AmiInfoActions {
    private final AmiPbx pbx;

    AmiInfoActions(AmiPbx pbx) {
        this.pbx = pbx;
    }

    void register(AmiActions actions) {
        actions.register("Status", Set.of("system", "call", "reporting"), this::status);
        actions.register("CoreShowChannels", Set.of("system", "reporting"), this::coreShowChannels);
        actions.register("DeviceStateList", Set.of("call", "reporting"), this::deviceStateList);
        actions.register("ExtensionState", Set.of("call", "reporting"), this::extensionState);
        actions.register("ExtensionStateList", Set.of("call", "reporting"), this::extensionStateList);
        actions.register("BridgeList", Set.of(), this::bridgeList);
        actions.register("Setvar", Set.of("call"), this::setvar);
        actions.register("Getvar", Set.of("call", "reporting"), this::getvar);
        actions.register("UserEvent", Set.of("user"), this::userEvent);
    }

    private List<AmiMessage> status(AmiSession session, AmiMessage r) {
        String only = r.get("Channel", "");
        List<AmiChannel> channels = pbx.liveChannels().stream().filter(c -> only.isEmpty() || c.name.equals(only)).toList();
        if (!only.isEmpty() && channels.isEmpty()) {
            return List.of(AmiReplies.error(r, "No such channel"));
        }
        List<String> wanted = r.get("Variables", "").isEmpty() ? List.of() : List.of(r.get("Variables").split(","));
        List<AmiMessage> items = new ArrayList<>();
        for (AmiChannel c : channels) {
            AmiMessage.Builder b = AmiMessage.event("Status").add("Privilege", "Call").addAll(c.snapshot(""))
                    .add("Type", c.name.startsWith("PJSIP") ? "PJSIP" : "Local").add("DNID", "")
                    .add("EffectiveConnectedLineNum", c.connectedNum).add("EffectiveConnectedLineName", c.connectedName)
                    .add("TimeToHangup", 0).add("BridgeID", c.bridge == null ? "" : c.bridge.uniqueid)
                    .add("Application", c.application).add("Data", c.applicationData).add("Nativeformats", "(ulaw)")
                    .add("Readformat", "ulaw").add("Readtrans", "").add("Writeformat", "ulaw").add("Writetrans", "")
                    .add("Callgroup", 0).add("Pickupgroup", 0).add("Seconds", seconds(c));
            wanted.forEach(v -> b.add("Variable", v.trim() + "=" + variable(c, v.trim())));
            items.add(AmiReplies.item(r, b));
        }
        List<AmiMessage> out = AmiActions.list(pbx, session, r, "Channel status will follow", items, "StatusComplete");
        AmiMessage complete = out.remove(out.size() - 1);
        out.add(AmiMessage.builder().addAll(complete.headers()).add("Items", items.size()).build());
        return out;
    }

    private List<AmiMessage> coreShowChannels(AmiSession session, AmiMessage r) {
        List<AmiMessage> items = pbx.liveChannels().stream().map(c -> AmiMessage.event("CoreShowChannel")
                .addIfPresent("ActionID", r.get("ActionID")).addAll(c.snapshot("")).add("Application", c.application)
                .add("ApplicationData", c.applicationData).add("Duration", duration(seconds(c)))
                .add("BridgeId", c.bridge == null ? "" : c.bridge.uniqueid).build()).toList();
        return AmiActions.list(pbx, session, r, "Channels will follow", items, "CoreShowChannelsComplete");
    }

    private List<AmiMessage> deviceStateList(AmiSession session, AmiMessage r) {
        List<AmiMessage> items = pbx.center.directory().agents().stream().map(a -> AmiMessage.event("DeviceStateChange")
                .addIfPresent("ActionID", r.get("ActionID")).add("Device", "PJSIP/" + a.extension())
                .add("State", AmiQueueMembers.deviceStateName(pbx.members.deviceState(a.extension(), pbx.liveChannels()))).build())
                .toList();
        return AmiActions.list(pbx, session, r, "Device State Changes will follow", items, "DeviceStateListComplete");
    }

    private List<AmiMessage> extensionState(AmiSession session, AmiMessage r) {
        String exten = r.get("Exten", "");
        Optional<Directory.AgentProfile> phone = pbx.center.directory().agentAtExtension(exten);
        int status = phone.map(p -> extensionStatus(pbx.members.deviceState(p.extension(), pbx.liveChannels()))).orElse(-1);
        return List.of(AmiReplies.response(r, "Success").add("Message", "Extension Status").add("Exten", exten)
                .add("Context", r.get("Context", "")).add("Hint", phone.map(p -> "PJSIP/" + p.extension()).orElse(""))
                .add("Status", status).add("StatusText", statusText(status)).build());
    }

    /** One hint per phone of the population, in context {@code hints}. */
    private List<AmiMessage> extensionStateList(AmiSession session, AmiMessage r) {
        List<AmiMessage> items = pbx.center.directory().agents().stream().map(a -> {
            int status = extensionStatus(pbx.members.deviceState(a.extension(), pbx.liveChannels()));
            return AmiMessage.event("ExtensionStatus").addIfPresent("ActionID", r.get("ActionID")).add("Exten", a.extension())
                    .add("Context", "hints").add("Hint", "PJSIP/" + a.extension()).add("Status", status)
                    .add("StatusText", statusText(status)).build();
        }).toList();
        return AmiActions.list(pbx, session, r, "Extension Statuses will follow", items, "ExtensionStateListComplete");
    }

    private List<AmiMessage> bridgeList(AmiSession session, AmiMessage r) {
        List<AmiMessage> items = pbx.liveChannels().stream().map(c -> c.bridge).filter(java.util.Objects::nonNull).distinct()
                .map(b -> AmiMessage.event("BridgeListItem").addIfPresent("ActionID", r.get("ActionID")).addAll(b.snapshot("")).build())
                .toList();
        return AmiActions.list(pbx, session, r, "Bridge listing will follow", items, "BridgeListComplete");
    }

    /** ast_extension_state numbers from a device state: 0 idle, 1 in use, 4 unavailable, 8 ringing, 16 on hold. */
    static int extensionStatus(int deviceState) {
        return switch (deviceState) {
            case 2 -> 1;
            case 5 -> 4;
            case 6 -> 8;
            case 8 -> 16;
            default -> 0;
        };
    }

    static String statusText(int status) {
        return switch (status) {
            case 0 -> "Idle";
            case 1 -> "InUse";
            case 4 -> "Unavailable";
            case 8 -> "Ringing";
            case 16 -> "Hold";
            default -> "Unknown";
        };
    }

    private List<AmiMessage> setvar(AmiSession session, AmiMessage r) {
        String name = r.get("Variable", "");
        if (name.isEmpty()) {
            return List.of(AmiReplies.error(r, "No variable specified"));
        }
        String value = r.get("Value", "");
        String bare = name.replaceFirst("^_+", "");
        String channel = r.get("Channel", "");
        if (channel.isEmpty()) {
            pbx.globals.put(bare, value);
        } else {
            Optional<AmiChannel> c = pbx.channel(channel);
            if (c.isEmpty()) {
                return List.of(AmiReplies.error(r, "No such channel"));
            }
            c.get().variables.put(bare, value);
            if (name.startsWith("_") && c.get().callId != null) { // inherited by the call's channels created later
                pbx.calls.tracked(c.get().callId).ifPresent(t -> t.inherited.put(bare, value));
            }
        }
        return List.of(AmiReplies.success(r, "Variable Set"));
    }

    private List<AmiMessage> getvar(AmiSession session, AmiMessage r) {
        String name = r.get("Variable", "");
        if (name.isEmpty()) {
            return List.of(AmiReplies.error(r, "No variable specified"));
        }
        String channel = r.get("Channel", "");
        String value;
        if (channel.isEmpty()) {
            value = pbx.globals.getOrDefault(name, "");
        } else {
            Optional<AmiChannel> c = pbx.channel(channel);
            if (c.isEmpty()) {
                return List.of(AmiReplies.error(r, "No such channel"));
            }
            value = variable(c.get(), name);
        }
        return List.of(AmiReplies.response(r, "Success").add("Variable", name).add("Value", value).build());
    }

    /** A channel variable, or one of the few functions and built-ins clients read. */
    private String variable(AmiChannel c, String name) {
        return switch (name) {
            case "CHANNEL(linkedid)" -> c.linkedid;
            case "CHANNEL(uniqueid)", "UNIQUEID" -> c.uniqueid;
            case "BRIDGEPEER" -> c.bridge == null ? "" : c.bridge.channels.stream().filter(o -> o != c).map(o -> o.name).findFirst().orElse("");
            default -> c.variables.getOrDefault(name, pbx.globals.getOrDefault(name, ""));
        };
    }

    private List<AmiMessage> userEvent(AmiSession session, AmiMessage r) {
        String name = r.get("UserEvent", "");
        if (name.isEmpty()) {
            return List.of(AmiReplies.error(r, "Missing UserEvent"));
        }
        AmiMessage.Builder event = AmiMessage.event("UserEvent").add("Privilege", "user,all").add("UserEvent", name);
        r.headers().stream().filter(h -> !h.name().equalsIgnoreCase("Action") && !h.name().equalsIgnoreCase("UserEvent"))
                .forEach(h -> event.add(h.name(), h.value()));
        pbx.bus.publish(event.build());
        return List.of(AmiReplies.success(r, "Event Sent"));
    }

    private long seconds(AmiChannel c) {
        return Math.max(0, Duration.between(c.created, pbx.now()).toSeconds());
    }

    private static String duration(long seconds) {
        return String.format("%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
    }
}
