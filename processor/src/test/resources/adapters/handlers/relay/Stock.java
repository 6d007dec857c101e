package relay;

import com.amazonaws.services.lambda.runtime.Context;
import dev.laconic.annotations.SqsTrigger;

/**
 * An SQS queue whose messages' bodies are products as JSON, read into {@link Product} before the
 * handler runs; a product fails when its name is poisoned.
 */
public class Stock {

  @SqsTrigger(queueArn = "${StockQueueArn}")
  public void product(Product product) {
    Seen.INPUTS.add(product);
    Seen.failIfPoisoned(product.name());
  }

  @SqsTrigger(queueArn = "${StockQueueArn}", batchSize = 5)
  public void productWithContext(Product product, Context context) throws Exception {
    Seen.INPUTS.add(product);
    context.getLogger().log("product " + product.id());
    if (Seen.poisoned(product.name())) {
      throw new Exception("poison: " + product.name());
    }
  }
}
