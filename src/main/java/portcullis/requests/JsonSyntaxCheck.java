package portcullis.requests;

import jakarta.annotation.Priority;
import jakarta.json.Json;
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
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Checks that a JSON body is well-formed before JSON-B binds it. Payara's JSON-B, skipping an unknown property of a
 * truncated body such as {@code {"user":{}, spins forever at full CPU; a plain JSON-P pass over the (size-limited)
 * body refuses it with 400 first.
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
            try (JsonParser parser = PARSERS.createParser(new StringReader(new String(body, StandardCharsets.UTF_8)))) {
                while (parser.hasNext()) {
                    parser.next();
                }
            } catch (RuntimeException malformed) {
                // Parsson reports bad syntax as JsonException, but nesting past its limit (1,000) as a bare
                // RuntimeException: whatever this pass over untrusted bytes throws, the body is not acceptable JSON.
                throw new MalformedJsonException();
            }
        }
        context.setInputStream(new ByteArrayInputStream(body));
        return context.proceed();
    }

    private static boolean isJson(MediaType type) {
        return type != null && (MediaType.APPLICATION_JSON_TYPE.isCompatible(type) || type.getSubtype().endsWith("+json"));
    }
}
