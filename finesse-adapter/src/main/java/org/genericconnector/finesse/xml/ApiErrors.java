package org.genericconnector.finesse.xml;

import java.util.List;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;

/**
 * {@code <ApiErrors><ApiError>..</ApiError></ApiErrors>} in REST bodies,
 * {@code <apiErrors><apiError>..} in notifications.
 */
@JacksonXmlRootElement(localName = "ApiErrors")
public record ApiErrors(@JacksonXmlProperty(localName = "ApiError") List<ApiError> items) {
    public ApiErrors {
        items = Values.list(items);
    }

    public static ApiErrors of(ApiError... errors) {
        return new ApiErrors(List.of(errors));
    }
}
