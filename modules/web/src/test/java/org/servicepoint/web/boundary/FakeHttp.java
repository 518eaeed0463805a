package org.servicepoint.web.boundary;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Just enough of the Servlet API to drive a filter without a container. */
final class FakeHttp {

    private FakeHttp() {
    }

    static HttpServletRequest request(String method, String contextPath, String path, String appPage) {
        ServletContext context = proxy(ServletContext.class, (name, args) -> switch (name) {
            case "getResourceAsStream" -> (StaffAppFilter.APP_PAGE.equals(args[0]) || OperatorConsoleFilter.PAGE.equals(args[0]))
                    && appPage != null
                    ? new ByteArrayInputStream(appPage.getBytes(StandardCharsets.UTF_8)) : null;
            default -> null;
        });
        return proxy(HttpServletRequest.class, (name, args) -> switch (name) {
            case "getMethod" -> method;
            case "getContextPath" -> contextPath;
            case "getRequestURI" -> contextPath + path;
            case "getServletContext" -> context;
            default -> null;
        });
    }

    /** A response that records what the filter did with it. */
    static final class Recorded {
        int status = 200;
        String redirect;
        String contentType;
        int contentLength = -1;
        final Map<String, String> headers = new LinkedHashMap<>();
        final ByteArrayOutputStream body = new ByteArrayOutputStream();

        String body() {
            return body.toString(StandardCharsets.UTF_8);
        }

        HttpServletResponse response() {
            ServletOutputStream out = new ServletOutputStream() {
                @Override
                public void write(int b) {
                    body.write(b);
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(WriteListener listener) {
                }
            };
            return proxy(HttpServletResponse.class, (name, args) -> {
                switch (name) {
                    case "setStatus" -> status = (int) args[0];
                    case "setHeader" -> headers.put((String) args[0], (String) args[1]);
                    case "setContentType" -> contentType = (String) args[0];
                    case "setContentLength" -> contentLength = (int) args[0];
                    case "sendRedirect" -> {
                        status = 302;
                        redirect = (String) args[0];
                    }
                    case "getOutputStream" -> {
                        return out;
                    }
                    default -> {
                    }
                }
                return null;
            });
        }
    }

    interface Answer {
        Object answer(String method, Object[] args) throws Exception;
    }

    private static <T> T proxy(Class<T> type, Answer answer) {
        return type.cast(Proxy.newProxyInstance(FakeHttp.class.getClassLoader(), new Class<?>[] {type},
                (self, method, args) -> switch (method.getName()) {
                    case "hashCode" -> System.identityHashCode(self);
                    case "equals" -> self == args[0];
                    case "toString" -> type.getSimpleName();
                    default -> answer.answer(method.getName(), args == null ? new Object[0] : args);
                }));
    }
}
