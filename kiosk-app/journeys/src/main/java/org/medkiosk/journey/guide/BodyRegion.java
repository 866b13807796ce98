package org.medkiosk.journey.guide;

/** Where it hurts: the areas of the body outline the kiosk draws. The rules file gives each its words. */
public enum BodyRegion {
    HEAD, CHEST, ABDOMEN, BACK, ARMS, LEGS, SKIN, WHOLE_BODY
}
