package shop;

import com.amazonaws.services.lambda.runtime.Context;
import dev.laconic.annotations.DynamoStreamTrigger;
import dev.laconic.annotations.LambdaFunction;
import dev.laconic.annotations.LogFormat;
import dev.laconic.stream.StreamChange;

public class Shipping {

  @LambdaFunction(logFormat = LogFormat.JSON,
      subnetIds = {"subnet-0a1b2c3d4e5f60718", "subnet-1234abcd"},
      securityGroupIds = "sg-0123456789abcdef0", ipv6AllowedForDualStack = true,
      layers = {"arn:aws:lambda:eu-west-1:123456789012:layer:otel-java:4", "${SharedLayerArn}"},
      ephemeralStorage = 2048)
  @DynamoStreamTrigger(streamArn = "${ParcelsStreamArn}", batchSize = 50,
      filters = "{\"eventName\": [\"INSERT\"]}")
  public void ship(Parcel parcel, Context context) {}

  @DynamoStreamTrigger(streamArn = "${ParcelsStreamArn}")
  public void track(StreamChange<Parcel> change) throws Exception {}
}
