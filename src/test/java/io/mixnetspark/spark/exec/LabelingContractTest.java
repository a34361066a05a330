package io.mixnetspark.spark.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** The labeling output contract: its DDL is its type, its columns are in order, k is checked. */
class LabelingContractTest {

    @Test
    void theTableDdlDeclaresTheTopKType() {
        DataType parsed = DataType.fromDDL(LabelingContract.topKDdl());
        ArrayType array = (ArrayType) parsed;
        StructType entry = (StructType) array.elementType();
        assertEquals(LabelingContract.TOP_K_ENTRY.fieldNames().length, entry.fieldNames().length);
        for (StructField f : LabelingContract.TOP_K_ENTRY.fields()) {
            assertEquals(f.dataType(), entry.apply(f.name()).dataType(), f.name());
        }
        assertEquals("ARRAY<STRUCT<rank: INT, index: INT, wnid: STRING, label: STRING, probability: DOUBLE>>",
                LabelingContract.topKDdl());
    }

    @Test
    void appendedColumnsFollowThePositions() {
        StructField[] fields = LabelingContract.appendedFields("p", "pr", "raw", "top", "err");
        assertEquals("top", fields[LabelingContract.TOP_K_COLUMN].name());
        assertEquals(LabelingContract.TOP_K, fields[LabelingContract.TOP_K_COLUMN].dataType());
        assertEquals("err", fields[LabelingContract.ERROR].name());
        assertEquals("p", fields[LabelingContract.PREDICTION].name());
        assertEquals("pr", fields[LabelingContract.PROBABILITY].name());
        assertEquals("raw", fields[LabelingContract.RAW_PREDICTION].name());
    }

    @Test
    void kIsBetweenOneAndTheClassCount() {
        assertEquals(10, LabelingContract.checkTopK(10, 10));
        IllegalArgumentException high = assertThrows(IllegalArgumentException.class, () -> LabelingContract.checkTopK(11, 10));
        assertTrue(high.getMessage().contains("topK=11") && high.getMessage().contains("10 classes"), high.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LabelingContract.checkTopK(0, 10));
    }
}
