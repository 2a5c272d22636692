package io.bourse.gateway.admin;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The little JSON the admin API needs: parse one flat object whose values are strings, numbers (kept as their text, so
 * amounts never pass through a double), booleans or null; and quote strings for writing. Stateless.
 */
public final class Json
{
    private Json()
    {
    }

    /** Thrown for input that is not one flat JSON object. */
    public static final class JsonException extends RuntimeException
    {
        private static final long serialVersionUID = 1L;

        JsonException(final String message)
        {
            super(message);
        }
    }

    /** A JSON number, as written. */
    public record Number(String text)
    {
    }

    /**
     * @return the object's members in order: values are String, {@link Number}, Boolean or null.
     * @throws JsonException if the text is not one flat object.
     */
    public static Map<String, Object> parseObject(final String text)
    {
        final Parser parser = new Parser(text);
        final Map<String, Object> result = parser.object();
        parser.skipWhitespace();
        if (parser.position != text.length())
        {
            throw new JsonException("unexpected text after the object at " + parser.position);
        }
        return result;
    }

    /** {@code text} as a JSON string literal, quotes included. */
    public static String quote(final String text)
    {
        final StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++)
        {
            final char c = text.charAt(i);
            switch (c)
            {
                case '"':
                    out.append("\\\"");
                    break;
                case '\\':
                    out.append("\\\\");
                    break;
                case '\n':
                    out.append("\\n");
                    break;
                case '\r':
                    out.append("\\r");
                    break;
                case '\t':
                    out.append("\\t");
                    break;
                default:
                    if (c < 0x20)
                    {
                        out.append(String.format("\\u%04x", (int)c));
                    }
                    else
                    {
                        out.append(c);
                    }
            }
        }
        return out.append('"').toString();
    }

    private static final class Parser
    {
        private final String text;
        private int position;

        Parser(final String text)
        {
            this.text = text;
        }

        Map<String, Object> object()
        {
            skipWhitespace();
            expect('{');
            final Map<String, Object> members = new LinkedHashMap<>();
            skipWhitespace();
            if (peek() == '}')
            {
                position++;
                return members;
            }
            while (true)
            {
                skipWhitespace();
                final String key = string();
                skipWhitespace();
                expect(':');
                skipWhitespace();
                if (members.put(key, value()) != null)
                {
                    throw new JsonException("duplicate member \"" + key + "\"");
                }
                skipWhitespace();
                final char next = next();
                if (next == '}')
                {
                    return members;
                }
                if (next != ',')
                {
                    throw new JsonException("expected ',' or '}' at " + (position - 1));
                }
            }
        }

        private Object value()
        {
            final char c = peek();
            if (c == '"')
            {
                return string();
            }
            if (c == '-' || (c >= '0' && c <= '9'))
            {
                final int start = position;
                while (position < text.length() && "+-.eE0123456789".indexOf(text.charAt(position)) >= 0)
                {
                    position++;
                }
                return new Number(text.substring(start, position));
            }
            if (text.startsWith("true", position))
            {
                position += 4;
                return Boolean.TRUE;
            }
            if (text.startsWith("false", position))
            {
                position += 5;
                return Boolean.FALSE;
            }
            if (text.startsWith("null", position))
            {
                position += 4;
                return null;
            }
            throw new JsonException("unsupported value at " + position + " (only strings, numbers, booleans, null)");
        }

        private String string()
        {
            expect('"');
            final StringBuilder out = new StringBuilder();
            while (true)
            {
                final char c = next();
                if (c == '"')
                {
                    return out.toString();
                }
                if (c == '\\')
                {
                    final char escaped = next();
                    switch (escaped)
                    {
                        case '"':
                        case '\\':
                        case '/':
                            out.append(escaped);
                            break;
                        case 'n':
                            out.append('\n');
                            break;
                        case 't':
                            out.append('\t');
                            break;
                        case 'r':
                            out.append('\r');
                            break;
                        case 'b':
                            out.append('\b');
                            break;
                        case 'f':
                            out.append('\f');
                            break;
                        case 'u':
                            if (position + 4 > text.length())
                            {
                                throw new JsonException("truncated \\u escape");
                            }
                            try
                            {
                                out.append((char)Integer.parseInt(text.substring(position, position + 4), 16));
                            }
                            catch (final NumberFormatException ex)
                            {
                                throw new JsonException("bad \\u escape at " + position);
                            }
                            position += 4;
                            break;
                        default:
                            throw new JsonException("bad escape at " + (position - 1));
                    }
                }
                else if (c < 0x20)
                {
                    throw new JsonException("control character in string at " + (position - 1));
                }
                else
                {
                    out.append(c);
                }
            }
        }

        void skipWhitespace()
        {
            while (position < text.length() && Character.isWhitespace(text.charAt(position)))
            {
                position++;
            }
        }

        private char peek()
        {
            if (position >= text.length())
            {
                throw new JsonException("unexpected end of input");
            }
            return text.charAt(position);
        }

        private char next()
        {
            final char c = peek();
            position++;
            return c;
        }

        private void expect(final char c)
        {
            if (next() != c)
            {
                throw new JsonException("expected '" + c + "' at " + (position - 1));
            }
        }
    }
}
