package shop;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import dev.laconic.annotations.DynamoStreamTrigger;
import dev.laconic.annotations.IamPolicy;
import dev.laconic.annotations.LambdaFunction;

@IamPolicy(actions = "dynamodb:GetItem", resources = "${CatalogTableArn}")
public class OrderEvents {

  @LambdaFunction(memorySize = 1024, description = "Echo: \"orders\" # changes: {all}")
  @DynamoStreamTrigger(streamArn = "${OrdersStreamArn}", batchSize = 10)
  @IamPolicy(actions = {"s3:PutObject", "s3:GetObject"}, resources = "arn:aws:s3:::audit-bucket/*")
  @IamPolicy(actions = "s3:DeleteObject", resources = "arn:aws:s3:::audit-bucket/*",
      effect = dev.laconic.annotations.Effect.DENY)
  public void echo(DynamodbEvent event, Context context) throws java.io.IOException {}
}
