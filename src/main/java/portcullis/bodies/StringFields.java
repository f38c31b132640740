package portcullis.bodies;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Collection;

/**
 * Walks a JSON body beside the record it binds to: every field that is a {@code String} there must be a JSON string
 * (or null) here. JSON-B would otherwise turn {@code 12345}, {@code true} or {@code 1.5e3} into text and store it.
 * Strings must also be whole Unicode: a lone surrogate ({@code "\ud800"}) is valid JSON syntax but no text.
 */
final class StringFields {

    private StringFields() {
    }

    static void check(JsonValue body, Type target) {
        if (target != String.class) { // a resource that reads the body as text reads it whole, whatever it is
            walk(body, target, "body");
        }
    }

    private static void walk(JsonValue value, Type type, String field) {
        Class<?> raw = rawClass(type);
        if (raw == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return;
        }
        if (raw == String.class) {
            if (!(value instanceof JsonString text)) {
                throw new WrongJsonTypeException(field, "must be a string");
            }
            if (hasLoneSurrogate(text.getString())) {
                throw new WrongJsonTypeException(field, "is not valid Unicode");
            }
        } else if (raw.isRecord() && value instanceof JsonObject object) {
            for (RecordComponent component : raw.getRecordComponents()) {
                JsonValue member = object.get(component.getName());
                if (member != null) {
                    walk(member, component.getGenericType(), component.getName());
                }
            }
        } else if (Collection.class.isAssignableFrom(raw) && value instanceof JsonArray array
                && type instanceof ParameterizedType generic) {
            Type element = generic.getActualTypeArguments()[0];
            array.forEach(item -> walk(item, element, field));
        }
    }

    private static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> plain) {
            return plain;
        }
        if (type instanceof ParameterizedType generic && generic.getRawType() instanceof Class<?> plain) {
            return plain;
        }
        return null;
    }

    private static boolean hasLoneSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
