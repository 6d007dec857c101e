package dev.laconic.processor;

import static dev.laconic.processor.Compilations.source;
import static dev.laconic.processor.DiagnosticsTest.TRIGGER;
import static dev.laconic.processor.DiagnosticsTest.handler;

import dev.laconic.processor.DiagnosticsTest.Case;
import dev.laconic.processor.diag.Diagnostic;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;

/**
 * The failing compilations of AWS SDK Enhanced Client types (620 to 631): classes a DynamoDB
 * handler takes whose {@code TableSchema} the SDK would refuse when the function first runs.
 * {@link DiagnosticsTest} runs them with its own.
 */
final class EnhancedClientDiagnosticCases {

  private static final String IMPORTS =
      "import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.*;\n"
          + "import software.amazon.awssdk.enhanced.dynamodb.*;\n"
          + "import software.amazon.awssdk.services.dynamodb.model.AttributeValue;\n\n";

  private EnhancedClientDiagnosticCases() {}

  /** {@code test.Item} with the Enhanced Client's imports in front of {@code body}. */
  private static JavaFileObject item(String body) {
    return source("Item", IMPORTS + body);
  }

  /** A DynamoDB handler taking the new image as {@code Item}. */
  private static JavaFileObject itemHandler() {
    return handler(TRIGGER, "public void handle(Item item) {}");
  }

  /** A bean {@code Item} with a String property {@code id} and {@code members}. */
  private static JavaFileObject bean(String members) {
    return item("@DynamoDbBean\npublic class Item {\n"
        + "  @DynamoDbPartitionKey public String getId() { return null; }\n"
        + "  public void setId(String id) {}\n" + members + "}\n");
  }

  /** An immutable {@code Item} with {@code members}, built by {@code Item.Builder}. */
  private static JavaFileObject immutable(String members, String builderMembers) {
    return item("@DynamoDbImmutable(builder = Item.Builder.class)\n"
        + "public final class Item {\n" + members
        + "  public static final class Builder {\n" + builderMembers + "  }\n}\n");
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case(Diagnostic.ENHANCED_MIXED_ANNOTATIONS,
            "[LACONIC-620] Item.getName has @DynamoAttribute, but Item also uses the Enhanced"
                + " Client's @DynamoDbBean. A class must use one set of mapping annotations",
            "@DynamoAttribute", bean("  @DynamoAttribute(\"n\") public String getName() {"
                + " return null; }\n  public void setName(String name) {}\n"), itemHandler()),
        new Case(Diagnostic.ENHANCED_BEAN_NOT_CREATABLE,
            "[LACONIC-621] @DynamoDbBean Item has no public no-argument constructor, so"
                + " TableSchema.fromBean would fail when the function first runs.",
            "@DynamoDbBean", bean("  public Item(String id) {}\n"), itemHandler()),
        new Case(Diagnostic.ENHANCED_BUILDER_NO_BUILD,
            "[LACONIC-622] Builder Builder of @DynamoDbImmutable Item has no public method build()"
                + " returning Item, so TableSchema.fromImmutableClass would fail",
            "@DynamoDbImmutable", immutable("  public String name() { return null; }\n",
                "    public Builder name(String name) { return this; }\n"), itemHandler()),
        new Case(Diagnostic.ENHANCED_BUILDER_NOT_CREATABLE,
            "[LACONIC-623] @DynamoDbImmutable Item has no public static builder() returning"
                + " Builder, and Builder has no public no-argument constructor",
            "@DynamoDbImmutable", immutable("  public String name() { return null; }\n",
                "    private Builder() {}\n"
                    + "    public Builder name(String name) { return this; }\n"
                    + "    public Item build() { return null; }\n"), itemHandler()),
        new Case(Diagnostic.ENHANCED_NOT_A_GETTER,
            "[LACONIC-624] Item.touch() returns void, but TableSchema.fromImmutableClass takes"
                + " every public instance method of an immutable class for a getter",
            "void touch", immutable("  public String name() { return null; }\n"
                    + "  public void touch() {}\n",
                "    public Builder name(String name) { return this; }\n"
                    + "    public Item build() { return null; }\n"), itemHandler()),
        new Case(Diagnostic.ENHANCED_GETTER_WITHOUT_SETTER,
            "[LACONIC-625] Getter Item.count() has no matching method on builder Builder, so"
                + " TableSchema.fromImmutableClass would fail when the function first runs. The"
                + " builder must have count(int) or setCount(int)",
            "int count()", immutable("  public int count() { return 0; }\n",
                "    public Builder count(long count) { return this; }\n"
                    + "    public Item build() { return null; }\n"), itemHandler()),
        new Case(Diagnostic.ENHANCED_SETTER_WITHOUT_GETTER,
            "[LACONIC-626] Builder method Builder.color matches no getter, so"
                + " TableSchema.fromImmutableClass would fail",
            "color(String", immutable("  public String name() { return null; }\n",
                "    public Builder name(String name) { return this; }\n"
                    + "    public Builder color(String color) { return this; }\n"
                    + "    public Item build() { return null; }\n"), itemHandler()),
        new Case(Diagnostic.ENHANCED_TYPE_UNSUPPORTED,
            "[LACONIC-627] Item.created has type java.util.Date, which neither the Enhanced"
                + " Client's default converters nor Laconic can read",
            "Date getCreated", bean("  public Date getCreated() { return null; }\n"
                + "  public void setCreated(Date created) {}\n"), itemHandler()),
        new Case(Diagnostic.ENHANCED_CONVERTER_NOT_CREATABLE,
            "[LACONIC-628] @DynamoDbConvertedBy on Item.name names test.Item.Upper, which has no"
                + " public no-argument constructor",
            "Upper.class", bean("  @DynamoDbConvertedBy(Upper.class)\n"
                + "  public String getName() { return null; }\n"
                + "  public void setName(String name) {}\n"
                + "  public static class Upper implements AttributeConverter<String> {\n"
                + "    public Upper(boolean strict) {}\n"
                + "    public AttributeValue transformFrom(String s) { return null; }\n"
                + "    public String transformTo(AttributeValue v) { return null; }\n"
                + "    public EnhancedType<String> type() { return EnhancedType.of(String.class); }\n"
                + "    public AttributeValueType attributeValueType() {"
                + " return AttributeValueType.S; }\n  }\n"), itemHandler()),
        new Case(Diagnostic.ENHANCED_ATTRIBUTE_CLASH,
            "[LACONIC-629] Attribute \"id\" is mapped by both Item.id and Item.key, so TableSchema"
                + " would fail when the function first runs.",
            "\"id\")", bean("  @DynamoDbAttribute(\"id\") public String getKey() { return null; }\n"
                + "  public void setKey(String key) {}\n"), itemHandler()),
        new Case(Diagnostic.ENHANCED_FLATTEN_INVALID,
            "[LACONIC-630] @DynamoDbFlatten on Item.audit, whose type test.Audit is not a"
                + " @DynamoDbBean or @DynamoDbImmutable class, so TableSchema would fail",
            "@DynamoDbFlatten", bean("  @DynamoDbFlatten public Audit getAudit() { return null; }\n"
                + "  public void setAudit(Audit audit) {}\n"),
            itemHandler(), source("Audit", "public class Audit {\n"
                + "  public String getBy() { return null; }\n  public void setBy(String by) {}\n}\n")),
        new Case(Diagnostic.ENHANCED_FLATTENED_MAP,
            "[LACONIC-632] @DynamoDbFlatten on Item.rest, a Map<String, String>: the Enhanced"
                + " Client puts every attribute no other property reads into it",
            "@DynamoDbFlatten", bean("  @DynamoDbFlatten public java.util.Map<String, String>"
                + " getRest() { return null; }\n"
                + "  public void setRest(java.util.Map<String, String> rest) {}\n"),
            itemHandler()),
        new Case(Diagnostic.ENHANCED_TYPE_NOT_GENERATED,
            "[LACONIC-633] Item.counts has type java.util.Map<java.lang.Integer, java.lang.String>,"
                + " a Map whose keys are not String: the Enhanced Client converts it",
            "getCounts", bean("  public java.util.Map<Integer, String> getCounts() { return null; }\n"
                + "  public void setCounts(java.util.Map<Integer, String> counts) {}\n"),
            itemHandler()),
        new Case(Diagnostic.ENHANCED_KEY_TYPE,
            "[LACONIC-631] @DynamoDbSortKey on Item.done, whose type boolean is stored as BOOL,"
                + " which cannot be a key",
            "@DynamoDbSortKey", bean("  @DynamoDbSortKey public boolean isDone() { return false; }\n"
                + "  public void setDone(boolean done) {}\n"), itemHandler()));
  }
}
