package portcullis.responses;

import jakarta.servlet.http.HttpServletRequest;

/** The documents anyone may read and cache: the JWKS and discovery under {@code /.well-known/} (and under /api). */
public final class PublicDocuments {

    private PublicDocuments() {
    }

    public static boolean contains(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/.well-known/") || path.startsWith("/api/.well-known/");
    }
}
