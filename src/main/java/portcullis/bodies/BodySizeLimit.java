package portcullis.bodies;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses request bodies over {@code portcullis.requests.max-body-size} with 413: at once when Content-Length says so,
 * and while reading when the body comes without one (chunked), so that no body larger than the limit is ever parsed.
 */
@Provider
@PreMatching
@Priority(Priorities.ENTITY_CODER - 100) // outside JsonSyntaxCheck, which reads the whole body
public class BodySizeLimit implements ContainerRequestFilter, ReaderInterceptor {

    @Inject
    @ConfigProperty(name = "portcullis.requests.max-body-size")
    long maxBytes;

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getLength() > maxBytes) {
            throw new BodyTooLargeException(maxBytes);
        }
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        context.setInputStream(new LimitedInputStream(context.getInputStream(), maxBytes));
        try {
            return context.proceed();
        } catch (OverLimit tooLarge) {
            throw new BodyTooLargeException(maxBytes);
        } catch (ProcessingException readerFailed) {
            // JSON readers wrap the stream's exception in their own.
            for (Throwable cause = readerFailed; cause != null; cause = cause.getCause()) {
                if (cause instanceof OverLimit) {
                    throw new BodyTooLargeException(maxBytes);
                }
            }
            throw readerFailed;
        }
    }

    /** An IOException, so that readers pass it on (wrapped or not) instead of losing it. */
    private static final class OverLimit extends IOException {
        private static final long serialVersionUID = 1L;

        OverLimit() {
            super("Request body over the limit");
        }
    }

    private static final class LimitedInputStream extends FilterInputStream {
        private final long maxBytes;
        private long read;

        LimitedInputStream(InputStream in, long maxBytes) {
            super(in);
            this.maxBytes = maxBytes;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int n) throws OverLimit {
            read += n;
            if (read > maxBytes) {
                throw new OverLimit();
            }
        }
    }
}
