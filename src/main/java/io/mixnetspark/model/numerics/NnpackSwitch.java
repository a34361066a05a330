package io.mixnetspark.model.numerics;

import ai.djl.pytorch.jni.LibUtils;
import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code NnpackSwitch} turns PyTorch's NNPACK convolution backend off, as {@code
 * torch.backends.nnpack.set_flags(False)} does. libtorch 2.7 asks NNPACK whether it can run for
 * every convolution that oneDNN does not take (float64, and float32 ones with one image and tiny
 * inputs), and where NNPACK cannot initialise (a CPU or virtual machine whose cache sizes it cannot
 * read) it logs {@code Could not initialize NNPACK! Reason: Unsupported hardware.} each time: tens
 * of thousands of lines in one quickstart. This project never uses NNPACK (its convolutions take
 * oneDNN or PyTorch's own kernels), so the flag costs nothing where NNPACK works. DJL binds no call
 * for it; {@code at::globalContext().setUserEnabledNNPACK(false)} is called through JNA on the
 * libtorch DJL has loaded.
 */
final class NnpackSwitch {

    private static final Logger LOG = LoggerFactory.getLogger(NnpackSwitch.class);

    private NnpackSwitch() {}

    /**
     * Switches NNPACK off for this process. A libtorch without the two symbols (another build) is
     * left as it is, with a debug line.
     *
     * @return whether the flag was set
     */
    static boolean turnOff() {
        try {
            NativeLibrary torch = NativeLibrary.getInstance(Path.of(LibUtils.getLibtorchPath(), "libtorch_cpu.so").toString());
            Pointer context = torch.getFunction("_ZN2at13globalContextEv").invokePointer(new Object[0]);
            Function setEnabled = torch.getFunction("_ZN2at7Context20setUserEnabledNNPACKEb");
            setEnabled.invokeVoid(new Object[] {context, Boolean.FALSE});
            return true;
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            LOG.debug("NNPACK left as it is: {}", e.toString());
            return false;
        }
    }
}
