package shop;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import dev.laconic.annotations.Architecture;
import dev.laconic.annotations.DestinationKind;
import dev.laconic.annotations.DynamoStreamTrigger;
import dev.laconic.annotations.JavaRuntime;
import dev.laconic.annotations.LambdaFunction;
import dev.laconic.annotations.Tracing;

public final class Audit {

  public static class Changes {

    @LambdaFunction(
        runtime = JavaRuntime.JAVA25,
        architecture = Architecture.ARM64,
        environment = {"STAGE=prod", "MESSAGE=a: b # c 'd' \"e\" {f}"},
        reservedConcurrency = 5,
        tracing = Tracing.ACTIVE,
        snapStart = true)
    @DynamoStreamTrigger(streamArn = "${OrdersStreamArn}", onFailure = "${AuditFailureArn}",
        onFailureKind = DestinationKind.SQS)
    public void record(DynamodbEvent.DynamodbStreamRecord record) {}
  }
}
