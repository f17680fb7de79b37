package org.genericconnector.simulator.ami;

/** Asterisk's response shapes, with the request's ActionID echoed byte for byte. Stateless. */
final class AmiReplies {
    private AmiReplies() {
    }

    static AmiMessage.Builder response(AmiMessage request, String response) {
        return AmiMessage.builder().add("Response", response).addIfPresent("ActionID", request.get("ActionID"));
    }

    static AmiMessage success(AmiMessage request, String message) {
        return response(request, "Success").add("Message", message).build();
    }

    static AmiMessage error(AmiMessage request, String message) {
        return response(request, "Error").add("Message", message).build();
    }

    static AmiMessage listStart(AmiMessage request, String message) {
        return response(request, "Success").add("EventList", "start").add("Message", message).build();
    }

    /** An item event of a list reply: no Privilege, the ActionID last as Asterisk writes most of them. */
    static AmiMessage item(AmiMessage request, AmiMessage.Builder item) {
        return item.addIfPresent("ActionID", request.get("ActionID")).build();
    }

    static AmiMessage listComplete(AmiMessage request, String event, int items) {
        return AmiMessage.event(event).addIfPresent("ActionID", request.get("ActionID")).add("EventList", "Complete")
                .add("ListItems", items).build();
    }
}
