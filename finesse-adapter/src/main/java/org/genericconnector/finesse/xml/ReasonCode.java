package org.genericconnector.finesse.xml;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;

/**
 * A reason code, as listed by {@code /ReasonCodes}, embedded in a User ({@code <ReasonCode>}) or in a
 * Team's user summary ({@code <reasonCode>}, which also carries {@code id}).
 *
 * @param uri        {@code /finesse/api/ReasonCode/{id}}
 * @param id         the database id (only in team summaries; see {@link #dbId()})
 * @param category   NOT_READY or LOGOUT
 * @param code       the numeric code agents see, as text
 * @param label      the label, at most 40 characters
 * @param forAll     true if the code is global rather than team-specific
 * @param systemCode true for system codes
 */
@JacksonXmlRootElement(localName = "ReasonCode")
@JsonPropertyOrder({"uri", "id", "category", "code", "label", "forAll", "systemCode"})
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ReasonCode(String uri, String id, String category, String code, String label,
                         boolean forAll, boolean systemCode) {

    /** No reason code. */
    public static final ReasonCode NONE = new ReasonCode("", "", "", "", "", false, false);

    public ReasonCode {
        uri = Values.text(uri);
        id = Values.text(id);
        category = Values.text(category);
        code = Values.text(code);
        label = Values.text(label);
    }

    /** The id a state change needs as {@code reasonCodeId}: {@code id}, else the uri's last segment. */
    public String dbId() {
        return id.isBlank() ? Values.lastSegment(uri) : id.strip();
    }
}
