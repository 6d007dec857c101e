package com.example.orders;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.enhanced.dynamodb.AttributeConverter;
import software.amazon.awssdk.enhanced.dynamodb.AttributeValueType;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbAttribute;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbConvertedBy;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbFlatten;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbIgnore;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbIgnoreNulls;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbImmutable;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPreserveEmptyObject;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Item classes written for the AWS SDK's Enhanced Client, as teams already have them: a bean
 * with every attribute type the SDK converts by default, nested, flattened, converted, renamed,
 * ignored and preserved-empty members; and an immutable with a builder. {@link EnhancedHandlers}
 * takes them, so Laconic generates their mappers; {@code EnhancedDifferentialTest} compares those
 * with the SDK's own {@code TableSchema}.
 */
public final class EnhancedTypes {

  private EnhancedTypes() {}

  /** A status kept by its constant name (the SDK's enum converter uses toString). */
  public enum Status { NEW, ACTIVE, RETIRED }

  /** A bean with every attribute type of the SDK's default converters that items use. */
  @DynamoDbBean
  public static class Everything {
    private String id;
    private int rank;
    private String text;
    private boolean flag;
    private Boolean boxedFlag;
    private Integer boxedInt;
    private long count;
    private Long boxedLong;
    private short small;
    private Short boxedShort;
    private byte tiny;
    private Byte boxedByte;
    private double ratio;
    private Double boxedDouble;
    private float weight;
    private Float boxedFloat;
    private BigDecimal amount;
    private BigInteger huge;
    private byte[] blob;
    private ByteBuffer buffer;
    private SdkBytes sdkBytes;
    private Instant at;
    private UUID uuid;
    private LocalDate day;
    private Status status;
    private List<String> strings;
    private Set<String> stringSet;
    private Set<Integer> numberSet;
    private Map<String, String> labels;
    private List<Part> parts;
    private Map<String, Part> partsByName;
    private Part main;
    private Part preserved;
    private Audit audit;
    private String secret;
    private String renamed;
    private Money converted;

    @DynamoDbPartitionKey
    public String getId() {
      return id;
    }

    public void setId(String id) {
      this.id = id;
    }

    @DynamoDbSortKey
    public int getRank() {
      return rank;
    }

    public void setRank(int rank) {
      this.rank = rank;
    }

    public String getText() {
      return text;
    }

    public void setText(String text) {
      this.text = text;
    }

    public boolean isFlag() {
      return flag;
    }

    public void setFlag(boolean flag) {
      this.flag = flag;
    }

    public Boolean getBoxedFlag() {
      return boxedFlag;
    }

    public void setBoxedFlag(Boolean boxedFlag) {
      this.boxedFlag = boxedFlag;
    }

    public Integer getBoxedInt() {
      return boxedInt;
    }

    public void setBoxedInt(Integer boxedInt) {
      this.boxedInt = boxedInt;
    }

    public long getCount() {
      return count;
    }

    public void setCount(long count) {
      this.count = count;
    }

    public Long getBoxedLong() {
      return boxedLong;
    }

    public void setBoxedLong(Long boxedLong) {
      this.boxedLong = boxedLong;
    }

    public short getSmall() {
      return small;
    }

    public void setSmall(short small) {
      this.small = small;
    }

    public Short getBoxedShort() {
      return boxedShort;
    }

    public void setBoxedShort(Short boxedShort) {
      this.boxedShort = boxedShort;
    }

    public byte getTiny() {
      return tiny;
    }

    public void setTiny(byte tiny) {
      this.tiny = tiny;
    }

    public Byte getBoxedByte() {
      return boxedByte;
    }

    public void setBoxedByte(Byte boxedByte) {
      this.boxedByte = boxedByte;
    }

    public double getRatio() {
      return ratio;
    }

    public void setRatio(double ratio) {
      this.ratio = ratio;
    }

    public Double getBoxedDouble() {
      return boxedDouble;
    }

    public void setBoxedDouble(Double boxedDouble) {
      this.boxedDouble = boxedDouble;
    }

    public float getWeight() {
      return weight;
    }

    public void setWeight(float weight) {
      this.weight = weight;
    }

    public Float getBoxedFloat() {
      return boxedFloat;
    }

    public void setBoxedFloat(Float boxedFloat) {
      this.boxedFloat = boxedFloat;
    }

    public BigDecimal getAmount() {
      return amount;
    }

    public void setAmount(BigDecimal amount) {
      this.amount = amount;
    }

    public BigInteger getHuge() {
      return huge;
    }

    public void setHuge(BigInteger huge) {
      this.huge = huge;
    }

    public byte[] getBlob() {
      return blob;
    }

    public void setBlob(byte[] blob) {
      this.blob = blob;
    }

    public ByteBuffer getBuffer() {
      return buffer;
    }

    public void setBuffer(ByteBuffer buffer) {
      this.buffer = buffer;
    }

    public SdkBytes getSdkBytes() {
      return sdkBytes;
    }

    public void setSdkBytes(SdkBytes sdkBytes) {
      this.sdkBytes = sdkBytes;
    }

    public Instant getAt() {
      return at;
    }

    public void setAt(Instant at) {
      this.at = at;
    }

    public UUID getUuid() {
      return uuid;
    }

    public void setUuid(UUID uuid) {
      this.uuid = uuid;
    }

    public LocalDate getDay() {
      return day;
    }

    public void setDay(LocalDate day) {
      this.day = day;
    }

    public Status getStatus() {
      return status;
    }

    public void setStatus(Status status) {
      this.status = status;
    }

    public List<String> getStrings() {
      return strings;
    }

    public void setStrings(List<String> strings) {
      this.strings = strings;
    }

    public Set<String> getStringSet() {
      return stringSet;
    }

    public void setStringSet(Set<String> stringSet) {
      this.stringSet = stringSet;
    }

    public Set<Integer> getNumberSet() {
      return numberSet;
    }

    public void setNumberSet(Set<Integer> numberSet) {
      this.numberSet = numberSet;
    }

    public Map<String, String> getLabels() {
      return labels;
    }

    public void setLabels(Map<String, String> labels) {
      this.labels = labels;
    }

    public List<Part> getParts() {
      return parts;
    }

    public void setParts(List<Part> parts) {
      this.parts = parts;
    }

    public Map<String, Part> getPartsByName() {
      return partsByName;
    }

    public void setPartsByName(Map<String, Part> partsByName) {
      this.partsByName = partsByName;
    }

    @DynamoDbIgnoreNulls
    public Part getMain() {
      return main;
    }

    public void setMain(Part main) {
      this.main = main;
    }

    @DynamoDbPreserveEmptyObject
    public Part getPreserved() {
      return preserved;
    }

    public void setPreserved(Part preserved) {
      this.preserved = preserved;
    }

    @DynamoDbFlatten
    public Audit getAudit() {
      return audit;
    }

    public void setAudit(Audit audit) {
      this.audit = audit;
    }

    @DynamoDbIgnore
    public String getSecret() {
      return secret;
    }

    public void setSecret(String secret) {
      this.secret = secret;
    }

    @DynamoDbAttribute("label_text")
    public String getRenamed() {
      return renamed;
    }

    public void setRenamed(String renamed) {
      this.renamed = renamed;
    }

    @DynamoDbConvertedBy(MoneyConverter.class)
    public Money getConverted() {
      return converted;
    }

    public void setConverted(Money converted) {
      this.converted = converted;
    }
  }

  /** A nested bean, stored as an M. */
  @DynamoDbBean
  public static class Part {
    private String name;
    private Integer quantity;

    public String getName() {
      return name;
    }

    public void setName(String name) {
      this.name = name;
    }

    public Integer getQuantity() {
      return quantity;
    }

    public void setQuantity(Integer quantity) {
      this.quantity = quantity;
    }
  }

  /** Flattened into the item: its attributes sit beside the item's own. */
  @DynamoDbBean
  public static class Audit {
    private String createdBy;
    private Instant createdAt;

    public String getCreatedBy() {
      return createdBy;
    }

    public void setCreatedBy(String createdBy) {
      this.createdBy = createdBy;
    }

    public Instant getCreatedAt() {
      return createdAt;
    }

    public void setCreatedAt(Instant createdAt) {
      this.createdAt = createdAt;
    }
  }

  /** A value the SDK cannot convert by itself: stored as "<cents> <currency>" by its converter. */
  public record Money(long cents, String currency) {}

  /** The user's converter: reads only S. */
  public static final class MoneyConverter implements AttributeConverter<Money> {
    @Override
    public AttributeValue transformFrom(Money money) {
      return AttributeValue.fromS(money.cents() + " " + money.currency());
    }

    @Override
    public Money transformTo(AttributeValue value) {
      String[] parts = value.s().split(" ");
      return new Money(Long.parseLong(parts[0]), parts[1]);
    }

    @Override
    public EnhancedType<Money> type() {
      return EnhancedType.of(Money.class);
    }

    @Override
    public AttributeValueType attributeValueType() {
      return AttributeValueType.S;
    }
  }

  /** An immutable item with a builder, as {@code @DynamoDbImmutable} types are written. */
  @DynamoDbImmutable(builder = Shipment.Builder.class)
  public static final class Shipment {
    private final String id;
    private final long weight;
    private final List<String> stops;
    private final Leg firstLeg;
    private final Status status;

    private Shipment(Builder builder) {
      this.id = builder.id;
      this.weight = builder.weight;
      this.stops = builder.stops;
      this.firstLeg = builder.firstLeg;
      this.status = builder.status;
    }

    public static Builder builder() {
      return new Builder();
    }

    @DynamoDbPartitionKey
    @DynamoDbAttribute("pk")
    public String id() {
      return id;
    }

    public long weight() {
      return weight;
    }

    public List<String> stops() {
      return stops;
    }

    public Leg firstLeg() {
      return firstLeg;
    }

    public Status status() {
      return status;
    }

    /** The builder: fluent setters named after the getters. */
    public static final class Builder {
      private String id;
      private long weight;
      private List<String> stops;
      private Leg firstLeg;
      private Status status;

      private Builder() {}

      public Builder id(String id) {
        this.id = id;
        return this;
      }

      public Builder weight(long weight) {
        this.weight = weight;
        return this;
      }

      public Builder stops(List<String> stops) {
        this.stops = stops;
        return this;
      }

      public Builder firstLeg(Leg firstLeg) {
        this.firstLeg = firstLeg;
        return this;
      }

      public Builder status(Status status) {
        this.status = status;
        return this;
      }

      public Shipment build() {
        return new Shipment(this);
      }
    }
  }

  /** A nested immutable with a builder made by its public constructor and setX methods. */
  @DynamoDbImmutable(builder = Leg.Builder.class)
  public static final class Leg {
    private final String from;
    private final String to;

    private Leg(Builder builder) {
      this.from = builder.from;
      this.to = builder.to;
    }

    public String getFrom() {
      return from;
    }

    public String getTo() {
      return to;
    }

    /** A builder with JavaBean-style setters. */
    public static final class Builder {
      private String from;
      private String to;

      public Builder() {}

      public void setFrom(String from) {
        this.from = from;
      }

      public void setTo(String to) {
        this.to = to;
      }

      public Leg build() {
        return new Leg(this);
      }
    }
  }

  /**
   * A bean that names its own converter providers (its provider first, then the SDK's default)
   * and a generic converter class of its own: every attribute goes through the providers.
   */
  @DynamoDbBean(converterProviders = {TrimmingProvider.class,
      software.amazon.awssdk.enhanced.dynamodb.DefaultAttributeConverterProvider.class})
  public static class Tagged {
    private String name;
    private List<String> tags;
    private List<String> csv;

    @DynamoDbPartitionKey
    public String getName() {
      return name;
    }

    public void setName(String name) {
      this.name = name;
    }

    public List<String> getTags() {
      return tags;
    }

    public void setTags(List<String> tags) {
      this.tags = tags;
    }

    @DynamoDbConvertedBy(CsvConverter.class)
    public List<String> getCsv() {
      return csv;
    }

    public void setCsv(List<String> csv) {
      this.csv = csv;
    }
  }

  /** Converts String attributes with their surrounding spaces trimmed; nothing else. */
  public static final class TrimmingProvider
      implements software.amazon.awssdk.enhanced.dynamodb.AttributeConverterProvider {
    @Override
    @SuppressWarnings("unchecked")
    public <T> AttributeConverter<T> converterFor(EnhancedType<T> type) {
      if (!type.equals(EnhancedType.of(String.class))) {
        return null;
      }
      return (AttributeConverter<T>) new AttributeConverter<String>() {
        @Override
        public AttributeValue transformFrom(String input) {
          return AttributeValue.fromS(input);
        }

        @Override
        public String transformTo(AttributeValue input) {
          return input.s() == null ? null : input.s().trim();
        }

        @Override
        public EnhancedType<String> type() {
          return EnhancedType.of(String.class);
        }

        @Override
        public AttributeValueType attributeValueType() {
          return AttributeValueType.S;
        }
      };
    }
  }

  /** A generic converter class: a list stored as one comma-separated S. */
  public static final class CsvConverter<T> implements AttributeConverter<List<String>> {
    @Override
    public AttributeValue transformFrom(List<String> input) {
      return AttributeValue.fromS(String.join(",", input));
    }

    @Override
    public List<String> transformTo(AttributeValue input) {
      return List.of(input.s().split(","));
    }

    @Override
    public EnhancedType<List<String>> type() {
      return EnhancedType.listOf(String.class);
    }

    @Override
    public AttributeValueType attributeValueType() {
      return AttributeValueType.S;
    }
  }
}
