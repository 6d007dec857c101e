package com.example.orders;

import java.lang.reflect.RecordComponent;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Values made comparable with {@code equals}: byte arrays become buffers (arrays compare by
 * identity), records become the list of their components, collections keep their order. Test
 * code only: the generated mappers use no reflection.
 */
final class Values {

  private Values() {}

  static Object comparable(Object value) {
    if (value instanceof byte[] bytes) {
      return ByteBuffer.wrap(bytes);
    }
    if (value instanceof ByteBuffer buffer) {
      return buffer.duplicate(); // equal by remaining content, whether read-only or not
    }
    if (value instanceof Optional<?> optional) {
      return optional.map(Values::comparable);
    }
    if (value instanceof Map<?, ?> map) {
      Map<Object, Object> out = new LinkedHashMap<>();
      map.forEach((k, v) -> out.put(k, comparable(v)));
      return List.of("map", out, new ArrayList<>(out.keySet()));
    }
    if (value instanceof Collection<?> collection) {
      List<Object> out = new ArrayList<>();
      collection.forEach(v -> out.add(comparable(v)));
      return out;
    }
    if (value != null && value.getClass().isRecord()) {
      List<Object> out = new ArrayList<>();
      out.add(value.getClass().getSimpleName());
      for (RecordComponent component : value.getClass().getRecordComponents()) {
        try {
          out.add(Arrays.asList(component.getName(),
              comparable(component.getAccessor().invoke(value))));
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException(e);
        }
      }
      return out;
    }
    return value;
  }
}
