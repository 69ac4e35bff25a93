package com.flightwatch.platform.lambda;

import com.amazonaws.services.lambda.runtime.Context;

/** A function's handler, ready to run: event JSON in, result JSON out, as Lambda's Java runtime sees it. */
interface FunctionHandler {

    /** @throws Throwable whatever the handler throws: the function's error, reported as Lambda does */
    byte[] handle(byte[] event, Context context) throws Throwable;
}
