package com.flightwatch.flights;

import com.flightwatch.common.sms.Phones;

/** A passenger to add, every field checked. */
public record NewPassenger(String firstName, String lastName, String email, String phone) {

    @Override
    public String toString() {
        return "NewPassenger[phone=" + Phones.mask(phone) + "]";
    }
}
