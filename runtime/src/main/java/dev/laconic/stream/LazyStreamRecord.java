package dev.laconic.stream;

import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import java.util.Map;

/**
 * A {@code StreamRecord} whose images are read from the event's bytes when first asked for:
 * {@link DynamoRecordJson} checks their shape while reading the event, but builds the maps only
 * for a handler that uses them (a handler of new images never pays for old ones).
 *
 * <p>Every way to reach an image goes through its getter first (the base class's
 * {@code equals}, {@code hashCode} and {@code toString} call the getters too), so the record
 * behaves as one read eagerly.
 */
final class LazyStreamRecord extends StreamRecord {

  private static final long serialVersionUID = 1L;

  private transient byte[] source;
  private int newImageStart = -1;
  private int newImageEnd;
  private int oldImageStart = -1;
  private int oldImageEnd;

  /** The new image is the JSON object at {@code [start, end)} of {@code source}. */
  void newImageAt(byte[] source, int start, int end) {
    this.source = source;
    this.newImageStart = start;
    this.newImageEnd = end;
  }

  /** The old image is the JSON object at {@code [start, end)} of {@code source}. */
  void oldImageAt(byte[] source, int start, int end) {
    this.source = source;
    this.oldImageStart = start;
    this.oldImageEnd = end;
  }

  /**
   * Reads the new image with {@code item}, from the event's bytes while it has not been built
   * (no map is built then), else from the map it was built into or given; null when there is none.
   */
  synchronized <T> T readNewImage(AttributePath path, AttributeJsonReader<T> item) {
    if (newImageStart >= 0) {
      return ItemJson.read(source, newImageStart, newImageEnd, path, item);
    }
    return ItemJson.fromAttributes(super.getNewImage(), path, item);
  }

  /** As {@link #readNewImage}, for the old image. */
  synchronized <T> T readOldImage(AttributePath path, AttributeJsonReader<T> item) {
    if (oldImageStart >= 0) {
      return ItemJson.read(source, oldImageStart, oldImageEnd, path, item);
    }
    return ItemJson.fromAttributes(super.getOldImage(), path, item);
  }

  /** Whether the record has a new image, without building it. */
  synchronized boolean hasNewImage() {
    return newImageStart >= 0 || super.getNewImage() != null;
  }

  @Override
  public synchronized Map<String, AttributeValue> getNewImage() {
    if (newImageStart >= 0) {
      super.setNewImage(DynamoRecordJson.attributesAt(source, newImageStart, newImageEnd));
      newImageStart = -1;
      releaseSource();
    }
    return super.getNewImage();
  }

  @Override
  public synchronized Map<String, AttributeValue> getOldImage() {
    if (oldImageStart >= 0) {
      super.setOldImage(DynamoRecordJson.attributesAt(source, oldImageStart, oldImageEnd));
      oldImageStart = -1;
      releaseSource();
    }
    return super.getOldImage();
  }

  /** Once both images are built, the event's bytes are no longer kept alive by this record. */
  private void releaseSource() {
    if (newImageStart < 0 && oldImageStart < 0) {
      source = null;
    }
  }

  @Override
  public synchronized void setNewImage(Map<String, AttributeValue> newImage) {
    newImageStart = -1;
    releaseSource();
    super.setNewImage(newImage);
  }

  @Override
  public synchronized void setOldImage(Map<String, AttributeValue> oldImage) {
    oldImageStart = -1;
    releaseSource();
    super.setOldImage(oldImage);
  }

  @Override
  public StreamRecord addNewImageEntry(String key, AttributeValue value) {
    getNewImage();
    return super.addNewImageEntry(key, value);
  }

  @Override
  public synchronized StreamRecord clearNewImageEntries() {
    newImageStart = -1;
    releaseSource();
    return super.clearNewImageEntries();
  }

  @Override
  public StreamRecord addOldImageEntry(String key, AttributeValue value) {
    getOldImage();
    return super.addOldImageEntry(key, value);
  }

  @Override
  public synchronized StreamRecord clearOldImageEntries() {
    oldImageStart = -1;
    releaseSource();
    return super.clearOldImageEntries();
  }

  @Override
  public LazyStreamRecord clone() {
    getNewImage();
    getOldImage();
    return (LazyStreamRecord) super.clone();
  }

  /** Serialized with its images built: the bytes they come from are not part of it. */
  private Object writeReplace() {
    getNewImage();
    getOldImage();
    return this;
  }
}
