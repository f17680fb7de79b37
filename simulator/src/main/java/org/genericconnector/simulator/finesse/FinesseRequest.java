package org.genericconnector.simulator.finesse;

import java.util.List;
import java.util.Map;

import org.genericconnector.simulator.model.AgentView;

/**
 * One authenticated REST request as the resources see it: the method, the path segments after
 * {@code /finesse/api/}, the query parameters, the body, the {@code requestId} header (or "") and the
 * authenticated user. Immutable.
 */
record FinesseRequest(String method, List<String> segments, Map<String, String> query, byte[] body, String requestId,
                      AgentView actor) {

    String segment(int i) {
        return i < segments.size() ? segments.get(i) : "";
    }

    FinesseRequestBody parsedBody() {
        if (body.length == 0) {
            throw FinesseApiException.missing("the request body");
        }
        return FinesseRequestBody.parse(body);
    }
}
