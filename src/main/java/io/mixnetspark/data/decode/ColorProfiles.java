package io.mixnetspark.data.decode;

import java.awt.color.ICC_Profile;

/**
 * {@code ColorProfiles} tells sRGB profiles from others, so that the many files that embed an
 * sRGB profile take the fast path and are not run through colour management for nothing.
 */
final class ColorProfiles {

    private ColorProfiles() {}

    /**
     * Tells whether embedded profile bytes describe sRGB (or cannot be read, in which case they are
     * ignored as libjpeg and PIL ignore them).
     *
     * @param data the ICC profile as embedded, or null
     * @return true when no conversion is needed
     */
    static boolean isSrgbOrUnusable(byte[] data) {
        if (data == null) {
            return true;
        }
        try {
            return isSrgb(ICC_Profile.getInstance(data));
        } catch (IllegalArgumentException e) {
            return true;
        }
    }

    /**
     * Tells whether a profile is sRGB (compared by TwelveMonkeys on its header and tags).
     *
     * @param profile the profile
     * @return true for sRGB
     */
    static boolean isSrgb(ICC_Profile profile) {
        return com.twelvemonkeys.imageio.color.ColorProfiles.isCS_sRGB(profile);
    }
}
