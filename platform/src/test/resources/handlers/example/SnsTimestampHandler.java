package example;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;

/** Answers with the Joda timestamp Lambda's serializer read from the SNS record. */
public class SnsTimestampHandler implements RequestHandler<SNSEvent, String> {

    @Override
    public String handleRequest(SNSEvent event, Context context) {
        return event.getRecords().get(0).getSNS().getTimestamp().toString();
    }
}
