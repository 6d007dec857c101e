package dev.laconic.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AttributePathTest {

  @Test
  void rootIsJustItsName() {
    assertEquals("order", AttributePath.root("order").toString());
  }

  @Test
  void childIsJoinedWithADot() {
    assertEquals("order.id", AttributePath.root("order").child("id").toString());
    assertEquals("order.customer.address.city",
        AttributePath.root("order").child("customer").child("address").child("city").toString());
  }

  @Test
  void indexIsWrittenInBracketsWithoutADot() {
    assertEquals("order.lines[2]", AttributePath.root("order").child("lines").index(2).toString());
  }

  @Test
  void indexDirectlyOnTheRoot() {
    assertEquals("items[0]", AttributePath.root("items").index(0).toString());
  }

  @Test
  void childAfterAnIndex() {
    AttributePath path = AttributePath.root("order").child("lines").index(2).child("qty");

    assertEquals("order.lines[2].qty", path.toString());
  }

  @Test
  void nestedIndexes() {
    AttributePath path = AttributePath.root("grid").child("cells").index(3).index(14).child("v");

    assertEquals("grid.cells[3][14].v", path.toString());
  }

  @Test
  void derivingAPathLeavesItsParentUnchanged() {
    AttributePath lines = AttributePath.root("order").child("lines");

    AttributePath first = lines.index(0);
    AttributePath second = lines.index(1).child("sku");

    assertEquals("order.lines", lines.toString());
    assertEquals("order.lines[0]", first.toString());
    assertEquals("order.lines[1].sku", second.toString());
  }

  @Test
  void toStringIsStableAcrossCalls() {
    AttributePath path = AttributePath.root("m").child("a").index(7);

    assertEquals(path.toString(), path.toString());
    assertEquals("m.a[7]", path.toString());
  }

  @Test
  void keysThatWouldMisleadAreQuoted() {
    AttributePath root = AttributePath.root("m");

    assertEquals("m[\"a.b\"][\"c[0]\"]", root.child("a.b").child("c[0]").toString());
    assertEquals("m[\"\"]", root.child("").toString());
    assertEquals("m[\"say \\\"hi\\\"\"].x", root.child("say \"hi\"").child("x").toString());
    assertEquals("m[\"first name\"]", root.child("first name").toString());
    assertEquals("m.plain_key-1", root.child("plain_key-1").toString());
  }
}
