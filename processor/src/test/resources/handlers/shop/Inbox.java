package shop;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.laconic.annotations.ApplicationLogLevel;
import dev.laconic.annotations.LambdaFunction;
import dev.laconic.annotations.LogFormat;
import dev.laconic.annotations.SqsTrigger;
import dev.laconic.annotations.SystemLogLevel;
import dev.laconic.sqs.StreamFailure;

/** The shop's queue consumers: every SQS handler shape once. */
public class Inbox {

  @SqsTrigger(queueArn = "arn:aws:sqs:us-west-2:000000000000:orders", batchSize = 100,
      maximumBatchingWindowInSeconds = 10, maximumConcurrency = 5,
      filters = "{\"body\": {\"kind\": [\"order\"]}}")
  public void receive(SQSEvent.SQSMessage message, Context context) {}

  @SqsTrigger(queueArn = "arn:aws:sqs:us-west-2:000000000000:payments.fifo", batchSize = 10)
  public SQSBatchResponse settle(SQSEvent event) {
    return new SQSBatchResponse();
  }

  @SqsTrigger(queueArn = "arn:aws:sqs:us-west-2:000000000000:parcels")
  public void parcel(Parcel parcel) {}

  @LambdaFunction(timeout = 20, environment = "REDRIVE_STAGE=prod",
      logFormat = LogFormat.JSON, applicationLogLevel = ApplicationLogLevel.DEBUG,
      systemLogLevel = SystemLogLevel.WARN,
      subnetIds = "${PrivateSubnets}", securityGroupIds = "${LambdaSecurityGroups}",
      kmsKey = "${InboxKeyArn}")
  @SqsTrigger(queueArn = "${AuditFailureArn}")
  public void redrive(StreamFailure failure) throws Exception {}
}
