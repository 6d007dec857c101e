package shop;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import dev.laconic.annotations.DynamoStreamTrigger;
import dev.laconic.annotations.KinesisTrigger;
import dev.laconic.annotations.LambdaFunction;
import dev.laconic.annotations.SqsTrigger;
import dev.laconic.stream.StreamChange;

/** SnapStart functions of every shape priming takes: typed per record, raw batch, JSON bodies. */
public class Depot {

  @LambdaFunction(snapStart = true)
  @DynamoStreamTrigger(streamArn = "${ParcelsStreamArn}")
  public void track(StreamChange<Parcel> change) throws Exception {}

  @LambdaFunction(snapStart = true)
  @DynamoStreamTrigger(streamArn = "${ParcelsStreamArn}")
  public void echo(DynamodbEvent event, Context context) {}

  @LambdaFunction(snapStart = true)
  @KinesisTrigger(streamArn = "arn:aws:kinesis:us-west-2:000000000000:stream/parcels")
  public void scan(Parcel parcel) {}

  @LambdaFunction(snapStart = true)
  @SqsTrigger(queueArn = "arn:aws:sqs:us-west-2:000000000000:parcels")
  public void receive(Parcel parcel, Context context) {}
}
