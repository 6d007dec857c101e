package relay;

import com.amazonaws.services.lambda.runtime.Context;
import dev.laconic.annotations.KinesisTrigger;

/**
 * A Kinesis stream whose records' data is a product as JSON, read into {@link Product} before the
 * handler runs; a product fails when its name is poisoned.
 */
public class Catalog {

  @KinesisTrigger(streamArn = "${CatalogStreamArn}")
  public void product(Product product) {
    Seen.INPUTS.add(product);
    Seen.failIfPoisoned(product.name());
  }

  @KinesisTrigger(streamArn = "${CatalogStreamArn}", batchSize = 50)
  public void productWithContext(Product product, Context context) throws Exception {
    Seen.INPUTS.add(product);
    context.getLogger().log("product " + product.id());
    if (Seen.poisoned(product.name())) {
      throw new Exception("poison: " + product.name());
    }
  }
}
