package example;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Answers with what it received and what its Context says, so a test can check both. */
public class EchoHandler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    private static final AtomicInteger INSTANCES = new AtomicInteger();
    private final int instance = INSTANCES.incrementAndGet();
    private int invocations;

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        invocations++;
        context.getLogger().log("echo " + event.getPath() + "\n");
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Path", event.getPath());
        headers.put("X-Method", event.getHttpMethod());
        headers.put("X-Query", event.getQueryStringParameters() == null ? null : event.getQueryStringParameters().get("q"));
        headers.put("X-Stage", event.getRequestContext() == null ? null : event.getRequestContext().getStage());
        headers.put("X-Request-Id", context.getAwsRequestId());
        headers.put("X-Function", context.getFunctionName());
        headers.put("X-Version", context.getFunctionVersion());
        headers.put("X-Arn", context.getInvokedFunctionArn());
        headers.put("X-Memory", String.valueOf(context.getMemoryLimitInMB()));
        headers.put("X-Remaining", String.valueOf(context.getRemainingTimeInMillis()));
        headers.put("X-Log-Group", context.getLogGroupName());
        headers.put("X-Log-Stream", context.getLogStreamName());
        headers.put("X-Instance", String.valueOf(instance));
        headers.put("X-Invocations", String.valueOf(invocations));
        headers.put("X-Loader", String.valueOf(getClass().getClassLoader().getName()));
        headers.put("X-Context-Loader", String.valueOf(Thread.currentThread().getContextClassLoader().getName()));
        headers.put("X-Core-Loader", String.valueOf(RequestHandler.class.getClassLoader() == getClass().getClassLoader()));
        return new APIGatewayProxyResponseEvent().withStatusCode(200).withHeaders(headers).withBody(event.getBody());
    }
}
