import React from "react";














