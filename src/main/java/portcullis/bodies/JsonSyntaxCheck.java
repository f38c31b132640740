package portcullis.bodies;

import jakarta.annotation.Priority;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Checks that a JSON body is well-formed before JSON-B binds it. Payara's JSON-B, skipping an unknown property of a
 * truncated body such as {@code {"user":{}, spins forever at full CPU; a plain JSON-P pass over the (size-limited)
 * body refuses it with 400 first. Bytes that are not UTF-8 (RFC 8259 allows no other) are refused too, instead of
 * being stored as U+FFFD, and so are values of the wrong type for a text field ({@link StringFields}, 422).
 */
@Provider
@Priority(Priorities.ENTITY_CODER)
public class JsonSyntaxCheck implements ReaderInterceptor {
    /** Json.createParser() looks the JSON provider up at every call; a factory does it once. */
    private static final JsonParserFactory PARSERS = Json.createParserFactory(Map.of());

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        if (!isJson(context.getMediaType())) {
            return context.proceed();
        }
        byte[] body = context.getInputStream().readAllBytes();
        if (body.length > 0) {
            StringFields.check(parse(utf8(body)), context.getGenericType());
        }
        context.setInputStream(new ByteArrayInputStream(body));
        return context.proceed();
    }

    private static String utf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            throw new MalformedJsonException("is not valid UTF-8");
        }
    }

    private static JsonValue parse(String json) {
        try (JsonParser parser = PARSERS.createParser(new StringReader(json))) {
            parser.next();
            JsonValue value = parser.getValue();
            if (parser.hasNext()) {
                throw new MalformedJsonException(); // anything after the value
            }
            return value;
        } catch (MalformedJsonException trailing) {
            throw trailing;
        } catch (RuntimeException malformed) {
            // Parsson reports bad syntax as JsonException, but nesting past its limit (1,000) as a bare
            // RuntimeException: whatever this pass over untrusted bytes throws, the body is not acceptable JSON.
            throw new MalformedJsonException();
        }
    }

    private static boolean isJson(MediaType type) {
        return type != null && (MediaType.APPLICATION_JSON_TYPE.isCompatible(type) || type.getSubtype().endsWith("+json"));
    }
}
