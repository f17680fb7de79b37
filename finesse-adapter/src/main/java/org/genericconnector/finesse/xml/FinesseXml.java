package org.genericconnector.finesse.xml;

import java.io.IOException;
import java.io.StringReader;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.dataformat.xml.XmlFactory;
import com.fasterxml.jackson.dataformat.xml.XmlMapper;
import com.fasterxml.jackson.dataformat.xml.ser.ToXmlGenerator;

/**
 * Reads and writes Finesse REST and notification XML with one shared Jackson {@link XmlMapper}.
 *
 * <p>Reading is lenient where Finesse versions differ: unknown elements are ignored, element names
 * match without regard to case ({@code <ApiError>} and {@code <apiError>}), empty elements and
 * absent lists read as "" and empty lists. DTDs and external entities are refused.
 *
 * <p>Thread-safe: the mapper is configured once, here, and never changed afterwards.
 */
public final class FinesseXml {

    /** Largest document {@link #read} accepts, in characters; Finesse objects are a few KiB. */
    public static final int MAX_CHARS = 1024 * 1024;

    private static final XmlMapper MAPPER = newMapper();

    private FinesseXml() {
    }

    /**
     * Binds one Finesse XML document to {@code type}.
     *
     * @throws FinesseXmlException with reason EMPTY, TOO_LARGE, MALFORMED or UNEXPECTED_CONTENT
     */
    public static <T> T read(String xml, Class<T> type) throws FinesseXmlException {
        checkSize(xml);
        try {
            return orEmptyElement(MAPPER.readValue(xml, type), type);
        } catch (IOException | RuntimeException e) {
            throw failure(e);
        }
    }

    /**
     * Binds the element {@code reader} is positioned on (a START_ELEMENT) to {@code type}, leaving
     * the reader on its END_ELEMENT. Used by the notification parser for the {@code <data>} child.
     *
     * @throws FinesseXmlException with reason MALFORMED or UNEXPECTED_CONTENT
     */
    public static <T> T read(XMLStreamReader reader, Class<T> type) throws FinesseXmlException {
        try {
            return orEmptyElement(MAPPER.readValue(reader, type), type);
        } catch (IOException | RuntimeException e) {
            throw failure(e);
        }
    }

    /**
     * A StAX reader over {@code xml} from the mapper's hardened factory (no DTD, no external entities).
     *
     * @throws FinesseXmlException with reason EMPTY, TOO_LARGE or MALFORMED
     */
    public static XMLStreamReader streamReader(String xml) throws FinesseXmlException {
        checkSize(xml);
        try {
            return MAPPER.getFactory().getXMLInputFactory().createXMLStreamReader(new StringReader(xml));
        } catch (XMLStreamException | RuntimeException e) {
            throw failure(e);
        }
    }

    /**
     * The XML for a model or request body, without an XML declaration.
     *
     * @throws IllegalArgumentException if {@code value} is not one of this package's types (a bug)
     */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + value.getClass().getSimpleName() + " as XML", e);
        }
    }

    private static void checkSize(String xml) throws FinesseXmlException {
        if (xml == null || xml.isBlank()) {
            throw new FinesseXmlException(FinesseXmlException.Reason.EMPTY, "no XML");
        }
        if (xml.length() > MAX_CHARS) {
            throw new FinesseXmlException(FinesseXmlException.Reason.TOO_LARGE,
                    xml.length() + " characters, limit " + MAX_CHARS);
        }
    }

    /** An empty root such as {@code <Dialogs/>} binds to null; give the type's empty value instead. */
    private static <T> T orEmptyElement(T value, Class<T> type) throws FinesseXmlException {
        if (value != null) {
            return value;
        }
        try {
            return MAPPER.readValue("<x></x>", type);
        } catch (IOException | RuntimeException e) {
            throw failure(e);
        }
    }

    private static FinesseXmlException failure(Exception e) {
        boolean syntax = e instanceof StreamReadException || e instanceof XMLStreamException
                || e.getCause() instanceof XMLStreamException;
        FinesseXmlException.Reason reason = syntax
                ? FinesseXmlException.Reason.MALFORMED : FinesseXmlException.Reason.UNEXPECTED_CONTENT;
        return new FinesseXmlException(reason, shortMessage(e), e);
    }

    private static String shortMessage(Exception e) {
        String message = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
        message = String.valueOf(message).replaceAll("\\s+", " ");
        return message.length() > 200 ? message.substring(0, 200) + "..." : message;
    }

    private static XmlMapper newMapper() {
        XMLInputFactory input = XMLInputFactory.newFactory();
        input.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        input.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        input.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        XmlMapper mapper = XmlMapper.builder(XmlFactory.builder().xmlInputFactory(input).build())
                .defaultUseWrapper(false)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE)
                .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
                .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
                .disable(ToXmlGenerator.Feature.WRITE_XML_DECLARATION)
                .build();
        mapper.coercionConfigDefaults().setCoercion(CoercionInputShape.EmptyString, CoercionAction.AsNull);
        return mapper;
    }
}
