import React from "react";










