import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.flightwatch.sms.SmsHandler;
import java.util.List;

/** Run by SmsJarIT with target/sms.jar as the only class path, as Lambda would load it. */
public class InvokeSms {

    public static void main(String[] args) {
        SmsHandler handler = new SmsHandler();
        SNSEvent event = new SNSEvent().withRecords(List.of(new SNSEvent.SNSRecord()
                .withEventSource("aws:sns")
                .withSns(new SNSEvent.SNS()
                        .withMessageId("smoke-message-1")
                        .withMessage("{\"alertId\":\"" + System.getenv("SMOKE_ALERT_ID") + "\"}"))));
        handler.handleRequest(event, null);
        System.out.println("SMOKE first delivery done");
        handler.handleRequest(event, null);
        System.out.println("SMOKE redelivery done");
    }
}
