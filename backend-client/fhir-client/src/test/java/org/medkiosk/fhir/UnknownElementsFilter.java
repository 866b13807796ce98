package org.medkiosk.fhir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * Adds elements no FHIR version defines to every JSON object a server sends (as a newer server or a vendor's
 * profile would), so the client's tolerance is tested on the wire and not only in unit tests.
 */
final class UnknownElementsFilter implements Filter {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletResponse http = (HttpServletResponse) response;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        HttpServletResponseWrapper wrapper = new HttpServletResponseWrapper(http) {
            private final ServletOutputStream stream = new ServletOutputStream() {
                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(WriteListener l) {
                }

                @Override
                public void write(int b) {
                    buffer.write(b);
                }
            };
            private final PrintWriter writer = new PrintWriter(new java.io.OutputStreamWriter(buffer, StandardCharsets.UTF_8));

            @Override
            public ServletOutputStream getOutputStream() {
                return stream;
            }

            @Override
            public PrintWriter getWriter() {
                return writer;
            }

            @Override
            public void setContentLength(int len) {
            }

            @Override
            public void setContentLengthLong(long len) {
            }

            @Override
            public void flushBuffer() {
                writer.flush();
            }
        };
        chain.doFilter(request, wrapper);
        wrapper.getWriter().flush();
        byte[] body = buffer.toByteArray();
        String type = http.getContentType();
        if (type != null && type.contains("json") && body.length > 0) {
            JsonNode tree = JSON.readTree(body);
            decorate(tree);
            body = JSON.writeValueAsBytes(tree);
        }
        http.setContentLength(body.length);
        http.getOutputStream().write(body);
    }

    static void decorate(JsonNode node) {
        if (node.isObject()) {
            ObjectNode o = (ObjectNode) node;
            Iterator<Map.Entry<String, JsonNode>> fields = o.fields();
            while (fields.hasNext()) {
                decorate(fields.next().getValue());
            }
            o.putObject("futureElement").put("note", "added by a newer server").putArray("values").add(1).add("two");
            o.put("_vendorFlag", true);
        } else if (node.isArray()) {
            node.forEach(UnknownElementsFilter::decorate);
        }
    }
}
